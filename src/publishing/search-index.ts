import { mkdir, readdir, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join, relative, sep } from "node:path";
import { mapLimited } from "../lib/concurrency.ts";
import { searchYear } from "../lib/page-keys.ts";
import { SECTIONS } from "../lib/site-urls.ts";
import { htmlFiles } from "./html-files.ts";
import { withBundleWriters, type BundleWriter, type SearchPage } from "./search-writers.ts";
import { swapIn } from "./swap-in.ts";

/**
 * The folder of the search index inside the build, and so its URL below the
 * base. It holds one complete Pagefind bundle per publication year,
 * `pagefind/2015/` and so on, and nothing else.
 */
export const SEARCH_BUNDLE_DIR = SECTIONS.searchBundles;

/** A bundle's folder name: a year. */
const YEAR_FOLDER = /^\d{4}$/;

/** What indexing one year took. */
export interface SearchYearResult {
  /** Pages in the year's index: its articles. */
  pages: number;
  /** Wall-clock seconds the year's indexing took, writing its bundle included. */
  seconds: number;
}

/** What indexing a build did. */
export interface SearchIndexResult {
  /** Pages indexed this time, over every year indexed. */
  pages: number;
  /** Wall-clock seconds the whole indexing took. */
  seconds: number;
  /** The years indexed this time, and what each took. */
  years: Record<string, SearchYearResult>;
  /** The years whose bundle was removed: they have no articles any more. */
  removed: string[];
}

/** What `indexSite` indexes. */
export interface IndexSiteOptions {
  /**
   * Only these years (and any year that has articles but no bundle yet);
   * the other years' bundles are left as they are. Absent: every year.
   */
  years?: ReadonlySet<string>;
  /** Every page of the site, when the caller has listed them: the article pages are not looked for again. */
  pages?: readonly string[];
}

/**
 * Indexes the built site in `outDir` with Pagefind, one bundle per year of
 * publication: the articles of 2015 into `outDir/pagefind/2015/`. A reader's
 * search loads the newest year's bundle first and older ones only as it
 * needs them (src/search/pagefind.ts), and a publish re-indexes only the years
 * whose articles changed. Only pages that mark their content with
 * `data-pagefind-body` (the articles) are indexed, each read with its
 * paragraph ids removed (see `withoutParagraphIds`).
 *
 * Each year is written into a fresh folder and swapped in once complete, so
 * a failure leaves the year's previous bundle. The bundles of years that no
 * longer have articles are removed, and so is anything else in `pagefind/`.
 */
export async function indexSite(
  outDir: string,
  { years, pages }: IndexSiteOptions = {},
): Promise<SearchIndexResult> {
  const started = performance.now();
  const root = join(outDir, SEARCH_BUNDLE_DIR);
  const pagesByYear = await articlePagesByYear(outDir, pages);
  const bundled = new Set((await entriesOf(root)).filter((name) => YEAR_FOLDER.test(name)));
  const toIndex = [...pagesByYear.keys()]
    .filter((year) => years === undefined || years.has(year) || !bundled.has(year))
    .sort()
    .reverse();

  const indexed: Record<string, SearchYearResult> = {};
  /** Years with articles but nothing to index: their bundles go too. */
  const empty = new Set<string>();
  if (toIndex.length > 0) {
    await mkdir(root, { recursive: true });
    // Years side by side, one a core, each on a thread with a Pagefind
    // service of its own while it is indexed: a year is an index of its
    // own, so its bytes do not depend on the others or on the thread.
    const count = Math.min(availableParallelism(), toIndex.length);
    await withBundleWriters(count, async (writers) => {
      const idle = [...writers];
      const results = await mapLimited(toIndex, count, async (year) => {
        const write = idle.pop()!;
        try {
          return await indexYear(write, root, year, pagesByYear.get(year)!);
        } finally {
          idle.push(write);
        }
      });
      for (const [position, year] of toIndex.entries()) {
        const result = results[position]!;
        if (result.pages === 0) empty.add(year);
        else indexed[year] = result;
      }
    });
  }

  const removed: string[] = [];
  for (const name of await entriesOf(root)) {
    if (pagesByYear.has(name) && !empty.has(name)) continue;
    await rm(join(root, name), { recursive: true, force: true });
    if (YEAR_FOLDER.test(name) && bundled.has(name)) removed.push(name);
  }
  return {
    pages: Object.values(indexed).reduce((sum, year) => sum + year.pages, 0),
    seconds: (performance.now() - started) / 1000,
    years: indexed,
    removed: removed.sort().reverse(),
  };
}

/** Years of the search index made one after another while a build goes on (`indexYearsAhead`). */
export interface YearsAhead {
  /** Indexes `year` from `pages`, once the years before it are done: every article page of that year, sorted by path. */
  index(year: string, pages: readonly SearchPage[]): void;
  /**
   * Waits for the year being indexed, drops those given but not started,
   * stops the service, and tells what each year indexed took. Rejects with
   * the first year's failure.
   */
  finish(): Promise<Record<string, SearchYearResult>>;
}

/**
 * Indexes years into `outDir`'s search index as they are given, on one
 * thread and Pagefind service, while the caller makes the rest of the site:
 * a build in parts gives each year as soon as its pages are made, rather
 * than indexing every year after the last part. A year's bundle is the one
 * `indexSite` makes from the same pages, in the same order; `indexSite`
 * then leaves it as it is unless asked for that year again, and makes the
 * years this left, on every core.
 */
export function indexYearsAhead(outDir: string): YearsAhead {
  const root = join(outDir, SEARCH_BUNDLE_DIR);
  const queue: [string, readonly SearchPage[]][] = [];
  const indexed: Record<string, SearchYearResult> = {};
  let given: (() => void) | undefined;
  let closing = false;
  const done = withBundleWriters(1, async ([write]) => {
    await mkdir(root, { recursive: true });
    for (;;) {
      const [year, pages] = queue.shift() ?? [];
      if (year !== undefined && pages !== undefined) {
        indexed[year] = await indexYear(write!, root, year, pages);
      } else if (closing) {
        return;
      } else {
        await new Promise<void>((resolve) => (given = resolve));
      }
    }
  });
  // Awaited by `finish`; until then a failure waits there.
  done.catch(() => {});
  const wake = () => {
    given?.();
    given = undefined;
  };
  return {
    index(year, pages) {
      queue.push([year, pages]);
      wake();
    },
    async finish() {
      queue.length = 0;
      closing = true;
      wake();
      await done;
      return indexed;
    },
  };
}

/**
 * The HTML files of article pages under `outDir`, by the year of the date in
 * their URL: of `pages` (every page of the site) when given.
 */
async function articlePagesByYear(
  outDir: string,
  pages?: readonly string[],
): Promise<Map<string, SearchPage[]>> {
  const byYear = new Map<string, SearchPage[]>();
  const articles = join(outDir, "articles");
  const files = pages
    ? pages.filter((page) => page.startsWith(`${articles}${sep}`))
    : await htmlFiles(articles).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return []; // A site without articles.
        throw error;
      });
  for (const file of files) {
    const path = relative(outDir, file).split(sep).join("/");
    const year = searchYear(path);
    if (year === undefined) continue;
    const ofYear = byYear.get(year);
    if (ofYear) ofYear.push({ file, path });
    else byYear.set(year, [{ file, path }]);
  }
  return byYear;
}

/** The names in a folder, none if there is no folder. */
async function entriesOf(folder: string): Promise<string[]> {
  return readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
}

/**
 * Indexes `files`, pages of the build in `outDir`, into one Pagefind bundle
 * at `outputPath`, as `indexSite` indexes a year: for tests that compare the
 * years' bundles with one index of every page. Returns the pages indexed.
 */
export async function indexPages(
  outDir: string,
  files: readonly string[],
  outputPath: string,
): Promise<number> {
  const pages = files.map((file) => ({ file, path: relative(outDir, file).split(sep).join("/") }));
  return withBundleWriters(1, ([write]) => write!({ pages, outputPath }));
}

/**
 * Indexes one year's article pages into a fresh folder beside its bundle,
 * then swaps it in: `root/<year>/` is either the old bundle or the new one,
 * never half of one.
 */
async function indexYear(
  write: BundleWriter,
  root: string,
  year: string,
  pages: readonly SearchPage[],
): Promise<SearchYearResult> {
  const started = performance.now();
  const fresh = join(root, `.${year}.new`);
  try {
    await rm(fresh, { recursive: true, force: true });
    const indexed = await write({ pages, outputPath: fresh });
    if (indexed > 0) await swapIn(fresh, join(root, year), join(root, `.${year}.old`));
    return { pages: indexed, seconds: (performance.now() - started) / 1000 };
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}
