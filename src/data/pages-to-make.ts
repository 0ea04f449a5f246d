import { readFile } from "node:fs/promises";
import { currentJobScope } from "../content/current-job";
import type { JobKeys } from "../lib/job-scope";
import { pageKey } from "../lib/page-keys";

/*
 * Which pages this build process makes (src/lib/job-scope.ts): the pages
 * of some articles, or the pages that list them, or (without a scope) all.
 */

const scope = currentJobScope();

/**
 * The articles whose own pages and cards this build makes, of `articles`:
 * all of them in a build of articles' pages or of every page; in a build of
 * the listings, those it was given besides, if any.
 */
export function articlePagesToMake<T extends { id: string }>(articles: readonly T[]): T[] {
  if (scope?.pages !== "site") return [...articles];
  const ids = new Set(scope.articles?.ids);
  return articles.filter(({ id }) => ids.has(id));
}

/** Whether this build makes the listings: topics, people, the date archive. */
export const makesListings = scope?.pages !== "articles";

let made: Promise<Set<string> | undefined> | undefined;

/**
 * The keys of the listings to make again, which the articles loader worked
 * out from the changes and wrote to the scope's keys file before any page
 * is made; undefined when every listing is made.
 */
function keysToMake(): Promise<Set<string> | undefined> {
  return (made ??= (async () => {
    if (scope?.pages !== "site" || !scope.changed || !scope.keysFile) return undefined;
    const keys = JSON.parse(await readFile(scope.keysFile, "utf8")) as JobKeys;
    if (!keys.made) throw new Error(`${scope.keysFile} does not say which listings to make`);
    return new Set(keys.made);
  })());
}

/**
 * The listing pages this build makes, of `pages`: none in a build of
 * article pages, those whose page key changed in a build after a few
 * articles changed, all otherwise. `path` gives a page's path below the base.
 */
export async function listingsToMake<T>(
  pages: readonly T[],
  path: (page: T) => string,
): Promise<T[]> {
  if (!makesListings) return [];
  const keys = await keysToMake();
  if (keys === undefined) return [...pages];
  return pages.filter((page) => keys.has(pageKey(path(page))));
}
