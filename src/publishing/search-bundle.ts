import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type * as Pagefind from "pagefind";
import { searchDocument } from "../lib/search-document.ts";
import type { SearchPage } from "./search-writers.ts";

/*
 * One Pagefind bundle written from a list of pages, by the service of the
 * thread it runs on (search-bundle-worker.ts). Node runs this file itself,
 * in a worker thread outside Vite: hence the `.ts` imports.
 */

/**
 * What the index leaves out of an article: its navigation and everything
 * about the article rather than in it (byline, dates, reading time, credits,
 * update note, topics, related items). A section heading's text is its
 * self-link, so section links stay in. Selectors, not attributes in the
 * markup, so the pages carry no bytes for the indexer. Pagefind still reads
 * the filters inside them: the topic and person links, which
 * `searchDocument` marks with `data-pagefind-filter` as the index reads each
 * page, and which the search page filters by.
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
 * src/search/pagefind.ts) and the WebAssembly for pages of no known language
 * (the index is English whatever a page says, so only wasm.en is loaded).
 * Left out so that nothing is published that nobody asked for.
 */
const UNUSED_BUNDLE_FILE =
  /^(pagefind-(ui|modular-ui|component-ui|highlight)\b|pagefind-worker\.js$|wasm\.unknown\.pagefind$)/;

/**
 * Indexes those of `pages` that mark their content with `data-pagefind-body` into a new bundle at `outputPath`, without
 * the files the search page does not load. Writes nothing if none does.
 * Returns the pages indexed. `pagefind` is the module, whose one service
 * holds the index while it is made.
 */
export async function writeBundle(
  pagefind: typeof Pagefind,
  pages: readonly SearchPage[],
  outputPath: string,
): Promise<number> {
  const { index, errors } = await pagefind.createIndex({
    excludeSelectors: SEARCH_EXCLUDED,
    // One language, so one index whatever an article's words look like.
    forceLanguage: "en",
  });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    let indexed = 0;
    // One page at a time, in the order of their paths: Pagefind numbers the
    // pages as they arrive, so pages sent together (32 at a time, as before)
    // made a different bundle from the same pages on every run, and a year
    // that had not changed would be published anew. The next few files are
    // read meanwhile; nothing more is held in memory here.
    const ahead = 16;
    const read = ({ file }: SearchPage) => {
      const text = readFile(file, "utf8");
      text.catch(() => {}); // Reported where it is awaited, if it comes to that.
      return text;
    };
    const reading = pages.slice(0, ahead).map(read);
    for (const [position, { path }] of pages.entries()) {
      const next = pages[position + ahead];
      if (next !== undefined) reading.push(read(next));
      const html = await reading[position]!;
      delete reading[position];
      if (!html.includes("data-pagefind-body")) continue;
      const added = await index.addHTMLFile({
        // Relative to the site, so result URLs are "/articles/…/"; the
        // search page adds the base path when it shows them.
        sourcePath: path,
        content: searchDocument(html),
      });
      if (added.errors.length > 0) throw new Error(`${path}: ${added.errors.join("; ")}`);
      indexed++;
    }
    if (indexed === 0) return 0;
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
    for (const entry of await readdir(outputPath)) {
      if (UNUSED_BUNDLE_FILE.test(entry)) await rm(join(outputPath, entry), { recursive: true });
    }
    return indexed;
  } finally {
    await index.deleteIndex();
  }
}
