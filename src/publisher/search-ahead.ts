import { join } from "node:path";
import { searchYear, searchYearOfArticle } from "../lib/page-keys.ts";
import {
  indexYearsAhead,
  type SearchYearResult,
  type YearsAhead,
} from "../publishing/search-index.ts";
import type { Plan } from "./plan.ts";

/*
 * The search index of a first build in parts, made while the parts run.
 * The parts make the archive oldest first, so a year's article pages are
 * all made long before the last part ends; indexed then, by one Pagefind
 * service beside the two Astro processes, a year takes processor time the
 * parts leave (they keep about 1.6 of 2 cores busy), instead of waiting
 * for the join, which indexed every year after the last part. What a
 * year's bundle holds does not change: the same pages, in the same order,
 * as `indexSite` would read them from the joined site.
 */

/** The years of the search index made while a plan's jobs run (`searchAhead`). */
export interface SearchAhead {
  /**
   * Job `index` of the plan ended well, and its pages are being joined
   * into the site as `joined` (their paths): the years it was the last
   * to make pages of are indexed, once the years before them are.
   */
  ended(index: number, joined: Promise<readonly string[]>): void;
  /** Waits for the year being indexed and stops, leaving the years not started to `indexSite`. */
  finish(): Promise<void>;
  /** Stops it after a failure, as `finish` does, whatever went wrong in it. */
  stop(): Promise<void>;
  /**
   * Once finished, with the jobs' pages joined into the site as `joined`
   * (its files): the years indexed whose pages are exactly those of the
   * site, and what each took; and those that are not, for `indexSite` to
   * make again.
   */
  indexed(joined: readonly string[]): {
    years: Record<string, SearchYearResult>;
    again: Set<string>;
  };
}

/**
 * The search index of a build of the whole site in parts, made in `next`
 * (its new folder) while `plan`'s jobs run, each job's pages joined into it
 * as the job ends. A year is indexed once every job that may make one of
 * its pages has ended: the parts of its articles, and the listings job,
 * whose pages are of any article it is given.
 */
export function searchAhead(next: string, plan: Plan): SearchAhead {
  const awaited = jobsOfYears(plan);
  const pagesOfJob = new Map<number, Promise<readonly string[]>>();
  const indexedPages = new Map<string, readonly string[]>();
  const giving: Promise<void>[] = [];
  let years: YearsAhead | undefined = indexYearsAhead(next);
  let indexed: Record<string, SearchYearResult> = {};
  /** Gives the years that waited for job `index` alone, with their pages, once they are joined. */
  const yearsAfter = async (index: number) => {
    const ready = [...awaited].filter(([, waiting]) => waiting.delete(index) && waiting.size === 0);
    for (const [year] of ready) awaited.delete(year);
    if (ready.length === 0) return;
    const made = (await Promise.all(pagesOfJob.values())).flat();
    for (const [year] of ready) {
      // In `indexSite`'s order: by path.
      const paths = made.filter((path) => path.endsWith(".html") && searchYear(path) === year);
      paths.sort();
      indexedPages.set(year, paths);
      years?.index(
        year,
        paths.map((path) => ({ file: join(next, path), path })),
      );
    }
  };
  return {
    ended(index, joined) {
      pagesOfJob.set(index, joined);
      const given = yearsAfter(index);
      given.catch(() => {}); // Awaited by `finish` or `stop`, which tell a failure.
      giving.push(given);
    },
    async finish() {
      await Promise.all(giving);
      indexed = (await years?.finish()) ?? {};
      years = undefined;
      pagesOfJob.clear();
    },
    async stop() {
      await Promise.allSettled(giving);
      await years?.finish().catch(() => {});
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
        const year = searchYearOfArticle(key);
        if (year === undefined) continue;
        const waiting = awaited.get(year) ?? new Set(others);
        waiting.add(index);
        awaited.set(year, waiting);
      }
    }
  }
  return awaited;
}
