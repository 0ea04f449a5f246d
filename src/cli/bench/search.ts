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

/** What the search costs on one built archive. */
export interface SearchFigures {
  pages: number;
  indexSeconds: number;
  /** Each year's bundle: its pages and wall seconds. */
  years: Record<string, SearchYearResult>;
  /** The search bundles (pagefind/) on disk. */
  bundleBytes: number;
  /** The files a first search fetched, as paths inside the build. */
  files: string[];
  /** Those files (the search page included), each gzip-compressed. */
  firstSearchBytes: number;
  /** The results the search page reported. */
  results: string;
}

/** Indexes `distDir` again, alone, and weighs a first search on it in Chromium. */
export async function measureSearch(distDir: string): Promise<SearchFigures> {
  const { pages, seconds, years } = await indexSite(distDir);
  const bundleBytes = (await folderFigures(join(distDir, SEARCH_BUNDLE_DIR))).distBytes;

  const executablePath = findChromium();
  if (!executablePath) throw new Error("No Chromium: run `node src/cli/install-chromium.ts`.");
  const server = await serveStatic(distDir);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    const fetched = new Set<string>();
    const note = (url: string) => {
      if (url.startsWith(server.origin)) fetched.add(new URL(url).pathname);
    };
    page.on("request", (request) => note(request.url()));
    page.on("worker", (worker) => note(worker.url()));
    await page.goto(new URL(searchPath(SEARCH_QUERY), server.url).href);
    const status = page.locator(".search-status").filter({ hasText: SEARCH_QUERY });
    await status.waitFor({ timeout: 120_000 });
    const results = (await status.textContent()) ?? "";
    const files = [...fetched].map((path) =>
      path.endsWith("/") ? `${path.slice(1)}index.html` : path.slice(1),
    );
    let firstSearchBytes = 0;
    for (const file of files)
      firstSearchBytes += gzipSync(await readFile(join(distDir, file))).length;
    return {
      pages,
      indexSeconds: seconds,
      years,
      bundleBytes,
      files: files.sort(),
      firstSearchBytes,
      results,
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
      files: search.files.length,
      "bytes gzip": search.firstSearchBytes,
      results: search.results,
    },
  });
  console.log(`First search fetched: ${search.files.join(", ")}`);
}
