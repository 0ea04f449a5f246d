import { join } from "node:path";
import { articleOfKey, searchYear } from "../lib/page-keys.ts";
import {
  indexYearsAhead,
  type SearchYearResult,
  type YearsAhead,
} from "../publishing/search-index.ts";
import type { SearchPage } from "../publishing/search-writers.ts";
import type { AstroJob } from "./astro-job.ts";
import { isArticleFile } from "./join.ts";
import { listFiles } from "./output-tree.ts";
import type { Plan } from "./plan.ts";

/*
 * The search index of a first build in parts, made while the parts run.
 * The parts make the archive oldest first, so a year's article pages are
 * all made long before the last part ends; indexed then, on one Pagefind
 * service beside the two Astro processes, a year costs the build the core
 * those leave idle (a part keeps about 1.6 of the 2 busy) instead of
 * waiting for the join, which indexed every year after the last part. What
 * a year's bundle holds does not change: the same pages, in the same
 * order, as `indexSite` would read them from the joined site.
 */

/** The years of the search index made while a plan's jobs run (`searchAhead`). */
export interface SearchAhead {
  /** Job `index` of the plan ended well: the years it was the last to make pages of are indexed, one after another. */
  ended(index: number): void;
  /** Waits for the years given, and stops: before the jobs' pages, which it reads where the jobs made them, are joined. */
  finish(): Promise<void>;
  /** Stops it after a failure: the year being indexed is finished, no other is started. */
  stop(): Promise<void>;
  /**
   * Once the jobs' pages are joined into the site as `joined` (its files):
   * the years indexed whose pages are exactly those of the site, and what
   * each took; and those that are not, for `indexSite` to make again.
   */
  indexed(joined: readonly string[]): {
    years: Record<string, SearchYearResult>;
    again: Set<string>;
  };
}

/**
 * The search index made ahead for `plan` when it builds a whole site in
 * parts from nothing (`jobs` are its jobs, carried out in `next`);
 * undefined for any other plan, whose years `indexSite` makes at the end.
 * A year is indexed once every job that may make one of its pages has
 * ended: the parts of its articles, and the listings job, whose pages are
 * of any article it is given.
 */
export function searchAhead(
  next: string,
  plan: Plan,
  jobs: readonly AstroJob[],
): SearchAhead | undefined {
  const inParts = plan.jobs.some(({ scope }) => scope.pages === "articles");
  if (plan.carryOver || plan.shard || plan.shards.length > 0 || jobs.length < 2 || !inParts) {
    return undefined;
  }
  const awaited = jobsOfYears(plan);
  const pagesOfJob = new Map<number, Promise<SearchPage[]>>();
  const indexedPages = new Map<string, readonly string[]>();
  const listing: Promise<void>[] = [];
  let years: YearsAhead | undefined = indexYearsAhead(next);
  let indexed: Record<string, SearchYearResult> = {};
  /** Gives the years that waited for job `index` alone, with their pages, once it has ended. */
  const yearsAfter = async (index: number) => {
    const { outDir } = jobs[index]!;
    const ofArticles = plan.jobs[index]!.scope.pages === "articles";
    pagesOfJob.set(
      index,
      listFiles(outDir).then((files) =>
        files
          .filter((path) => path.endsWith(".html") && (!ofArticles || isArticleFile(path)))
          .map((path) => ({ file: join(outDir, path), path })),
      ),
    );
    const ready = [...awaited].filter(([, waiting]) => waiting.delete(index) && waiting.size === 0);
    for (const [year] of ready) awaited.delete(year);
    if (ready.length === 0) return;
    const made = (await Promise.all(pagesOfJob.values())).flat();
    for (const [year] of ready) {
      // In `indexSite`'s order: by path.
      const pages = made.filter(({ path }) => searchYear(path) === year);
      pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      indexedPages.set(
        year,
        pages.map(({ path }) => path),
      );
      years?.index(year, pages);
    }
  };
  return {
    ended(index) {
      const given = yearsAfter(index);
      given.catch(() => {}); // Awaited by `finish` or `stop`, which tell a failure.
      listing.push(given);
    },
    async finish() {
      await Promise.all(listing);
      indexed = (await years?.finish()) ?? {};
      years = undefined;
      pagesOfJob.clear();
    },
    async stop() {
      await Promise.allSettled(listing);
      await years?.finish(true).catch(() => {});
      years = undefined;
    },
    indexed(joined) {
      const inSite = new Map<string, string[]>();
      for (const path of joined) {
        const year = path.endsWith(".html") ? searchYear(path) : undefined;
        if (year === undefined) continue;
        const ofYear = inSite.get(year);
        if (ofYear) ofYear.push(path);
        else inSite.set(year, [path]);
      }
      const done: Record<string, SearchYearResult> = {};
      const again = new Set<string>();
      for (const [year, result] of Object.entries(indexed)) {
        const same =
          (inSite.get(year) ?? []).sort().join("\n") === indexedPages.get(year)?.join("\n");
        if (same) done[year] = result;
        else again.add(year);
      }
      return { years: done, again };
    },
  };
}

/** For each year of the plan's articles, the jobs whose end it waits for (see `searchAhead`). */
function jobsOfYears(plan: Plan): Map<string, Set<number>> {
  const others = plan.jobs.flatMap(({ scope }, index) =>
    scope.pages === "articles" ? [] : [index],
  );
  const awaited = new Map<string, Set<number>>();
  for (const [index, { scope }] of plan.jobs.entries()) {
    if (scope.pages !== "articles") continue;
    for (const path of scope.files) {
      for (const key of plan.keys[path] ?? []) {
        const year = /^(\d{4})-/.exec(articleOfKey(key)?.date ?? "")?.[1];
        if (year === undefined) continue;
        const waiting = awaited.get(year) ?? new Set(others);
        waiting.add(index);
        awaited.set(year, waiting);
      }
    }
  }
  return awaited;
}
