import { currentJobScope } from "../content/current-job";
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

/** The keys of the listings to make again, which the publisher worked out from the changes; undefined: all. */
const made = scope?.pages === "site" && scope.made ? new Set(scope.made) : undefined;

/**
 * The listing pages this build makes, of `pages`: none in a build of
 * article pages, those whose page key changed in a build after a few
 * articles changed, all otherwise. `path` gives a page's path below the base.
 */
export function listingsToMake<T>(pages: readonly T[], path: (page: T) => string): T[] {
  if (!makesListings) return [];
  if (made === undefined) return [...pages];
  return pages.filter((page) => made.has(pageKey(path(page))));
}
