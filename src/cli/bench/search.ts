import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import {
  indexSite,
  SEARCH_BUNDLE_DIR,
  type SearchYearResult,
} from "../../publishing/search-index.ts";
import { searchPath } from "../../lib/site-urls.ts";
import { CHROMIUM_FLAGS, findChromium } from "../install-chromium.ts";
import { serveStatic } from "../serve-static.ts";
import { folderFigures } from "./figures.ts";

/** A query with many results in the synthetic corpus: a headline phrase and common body words. */
const SEARCH_QUERY = "ceasefire talks";

/**
 * The same query narrowed to one of the synthetic topics and sorted by
 * date: what a filter and the sort add to a first search (the topic's
 * filter chunk, the sort's order in the metadata).
 */
const NARROWED = "&topic=trade&sort=date";

/** What one first search fetched. */
export interface FirstSearch {
  /** The files it fetched, as paths inside the build. */
  files: string[];
  /** Those files (the search page included), each gzip-compressed. */
  bytes: number;
  /** The results the search page reported. */
  results: string;
}

/** What the search costs on one built archive. */
export interface SearchFigures {
  pages: number;
  indexSeconds: number;
  /** Each year's bundle: its pages and wall seconds. */
  years: Record<string, SearchYearResult>;
  /** The search bundles (pagefind/) on disk. */
  bundleBytes: number;
  /** A first search of the query. */
  first: FirstSearch;
  /** A first search of the query narrowed to a topic and sorted by date. */
  narrowed: FirstSearch;
}

/** Indexes `distDir` again, alone, and weighs first searches on it in Chromium. */
export async function measureSearch(distDir: string): Promise<SearchFigures> {
  const { pages, seconds, years } = await indexSite(distDir);
  const bundleBytes = (await folderFigures(join(distDir, SEARCH_BUNDLE_DIR))).distBytes;

  const executablePath = findChromium();
  if (!executablePath) throw new Error("No Chromium: run `node src/cli/install-chromium.ts`.");
  const server = await serveStatic(distDir);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  /** Opens the search page at `?q=SEARCH_QUERY` and `more`, in a new context (an empty cache), and weighs what it fetched. */
  const firstSearch = async (more: string): Promise<FirstSearch> => {
    const page = await browser.newPage();
    const fetched = new Set<string>();
    const note = (url: string) => {
      if (url.startsWith(server.origin)) fetched.add(new URL(url).pathname);
    };
    page.on("request", (request) => note(request.url()));
    page.on("worker", (worker) => note(worker.url()));
    await page.goto(new URL(`${searchPath(SEARCH_QUERY)}${more}`, server.url).href);
    const status = page.locator(".search-status").filter({ hasText: SEARCH_QUERY });
    await status.waitFor({ timeout: 120_000 });
    const results = (await status.textContent()) ?? "";
    await page.close();
    const files = [...fetched].map((path) =>
      path.endsWith("/") ? `${path.slice(1)}index.html` : path.slice(1),
    );
    let bytes = 0;
    for (const file of files) bytes += gzipSync(await readFile(join(distDir, file))).length;
    return { files: files.sort(), bytes, results };
  };
  try {
    return {
      pages,
      indexSeconds: seconds,
      years,
      bundleBytes,
      first: await firstSearch(""),
      narrowed: await firstSearch(NARROWED),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Prints the search's figures for an archive of `articles`: each year's index, the whole index, the first search. */
export function printSearch(search: SearchFigures, articles: number): void {
  console.log(`\nSearch, ${articles} articles (query “${SEARCH_QUERY}”)\n`);
  console.table(
    Object.fromEntries(
      Object.entries(search.years).map(([year, figures]) => [
        `index ${year}`,
        { pages: figures.pages, "wall s": figures.seconds.toFixed(2) },
      ]),
    ),
  );
  console.table({
    "index build": {
      pages: search.pages,
      "wall s": search.indexSeconds.toFixed(2),
      bytes: search.bundleBytes,
    },
    "first search": {
      files: search.first.files.length,
      "bytes gzip": search.first.bytes,
      results: search.first.results,
    },
    [`first search${NARROWED}`]: {
      files: search.narrowed.files.length,
      "bytes gzip": search.narrowed.bytes,
      results: search.narrowed.results,
    },
  });
  console.log(`First search fetched: ${search.first.files.join(", ")}`);
  console.log(`First search${NARROWED} fetched: ${search.narrowed.files.join(", ")}`);
}
