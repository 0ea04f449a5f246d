import { readdir, readFile, rm } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import { withoutParagraphIds } from "../lib/search-document.ts";
import { htmlFiles } from "./html-files.ts";

/** The folder of the search index inside the build, and so its URL below the base. */
export const SEARCH_BUNDLE_DIR = "pagefind";

/**
 * What the index leaves out of an article: its navigation and everything
 * about the article rather than in it (byline, dates, reading time, credits,
 * update note, topics, related items). A section heading's text is its
 * self-link, so section links stay in. Selectors, not attributes in the
 * markup, so the pages carry no bytes for the indexer.
 */
export const SEARCH_EXCLUDED = [
  ".toc",
  ".article-meta",
  ".byline",
  ".article-dates",
  ".reading-time",
  ".contributors",
  ".topics",
  ".update-note",
  ".related",
  ".copy-link",
];

/**
 * The search bundle's files that the search page does not load: Pagefind's
 * ready-made interfaces (it uses pagefind.js directly), its debugging
 * playground, its worker (the page searches on its own thread: see
 * SearchPanel.astro) and the WebAssembly for pages of no known language
 * (the index is English whatever a page says, so only wasm.en is loaded).
 * Left out so that nothing is published that nobody asked for.
 */
const UNUSED_BUNDLE_FILE =
  /^(pagefind-(ui|modular-ui|component-ui|highlight)\b|pagefind-worker\.js$|wasm\.unknown\.pagefind$)/;

/**
 * How many word locations Pagefind puts in one index chunk before it starts
 * the next (its default is 20,000). A search downloads every chunk that
 * holds one of its words, so a rare word's chunk should not also carry the
 * locations of the common words beside it in the alphabet: at 5,000, the
 * benchmark's "ceasefire" chunk shrank from 26 KB to 2 KB gzip at 1,000
 * articles (from 85 to 3 KB at 10,000), for 1 KB more of chunk list in the
 * metadata. A word with more locations than this keeps a chunk of its own.
 * Pagefind reads it from its environment only (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE,
 * since 1.5); should a release drop it, chunks merely grow back.
 */
export const SEARCH_INDEX_CHUNK_LOCATIONS = 5000;

/** What indexing a build found. */
export interface SearchIndexResult {
  /** Pages in the index: those that mark their content with `data-pagefind-body`. */
  pages: number;
  /** Wall-clock seconds the indexing took. */
  seconds: number;
}

/**
 * Indexes the built site in `outDir` with Pagefind and writes the search
 * bundle to `outDir/pagefind/`. Only pages that mark their content with
 * `data-pagefind-body` (the articles) are indexed, and each is read with
 * its paragraph ids removed (see `withoutParagraphIds`).
 */
export async function indexSite(
  outDir: string,
  bundleDir = join(outDir, SEARCH_BUNDLE_DIR),
): Promise<SearchIndexResult> {
  const started = performance.now();
  // Pagefind's service, started by createIndex, reads the chunk size from
  // the environment it inherits; this process's own is put back at once.
  const chunkSizeVariable = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE";
  const chunkSizeBefore = process.env[chunkSizeVariable];
  process.env[chunkSizeVariable] = String(SEARCH_INDEX_CHUNK_LOCATIONS);
  const { index, errors } = await pagefind
    .createIndex({
      excludeSelectors: SEARCH_EXCLUDED,
      // One language, so one index whatever an article's words look like.
      forceLanguage: "en",
    })
    .finally(() => {
      if (chunkSizeBefore === undefined) delete process.env[chunkSizeVariable];
      else process.env[chunkSizeVariable] = chunkSizeBefore;
    });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const files = (await htmlFiles(outDir)).filter((file) => !file.startsWith(bundleDir + sep));
    let pages = 0;
    // A few files read at a time: Pagefind indexes in its own process, and
    // sending it all 10,000 pages at once would hold them all in memory here.
    // They are added one by one, in order, since the bundle's bytes depend
    // on the order: a build that joins its pages from parts must index them
    // as one that made them all.
    const batch = 32;
    for (let start = 0; start < files.length; start += batch) {
      const slice = files.slice(start, start + batch);
      const texts = await Promise.all(slice.map((file) => readFile(file, "utf8")));
      for (const [position, html] of texts.entries()) {
        if (!html.includes("data-pagefind-body")) continue;
        const file = slice[position]!;
        const added = await index.addHTMLFile({
          // Relative to the build, so result URLs are "/articles/…/"; the
          // search page adds the base path when it shows them.
          sourcePath: relative(outDir, file).split(sep).join("/"),
          content: withoutParagraphIds(html),
        });
        if (added.errors.length > 0) {
          throw new Error(`${relative(outDir, file)}: ${added.errors.join("; ")}`);
        }
        pages++;
      }
    }
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
    for (const entry of await readdir(bundleDir)) {
      if (UNUSED_BUNDLE_FILE.test(entry)) await rm(join(bundleDir, entry), { recursive: true });
    }
    return { pages, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pagefind.close();
  }
}

/**
 * Builds the search index at the end of every build (`npm run build`, a raw
 * `astro build --outDir …`, the benchmark's), into the build's own output
 * folder, so a published site always has an index of exactly its pages.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: "broadsheet:search-index",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const { pages, seconds } = await indexSite(fileURLToPath(dir));
        logger.info(`search index: ${pages} pages in ${seconds.toFixed(1)} s`);
      },
    },
  };
}
