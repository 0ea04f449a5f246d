import { buildScope } from "../content/build-scope";
import { articlePageKeys, pageKey, SITE_KEY } from "../lib/page-keys";
import { getArticles } from "./articles";

/*
 * Which pages this build process makes (src/lib/build-scope.ts): the pages
 * of some articles, or the pages that list them, or (without a scope) all.
 */

const scope = buildScope();

/** Whether this build makes the articles' own pages and cards. */
export const makesArticlePages = scope?.pages !== "site";

/** Whether this build makes the listings: topics, people, the date archive. */
export const makesListings = scope?.pages !== "articles";

let changedKeys: Promise<Set<string> | undefined> | undefined;

/** The keys of the listings to make again; undefined when every one is. */
function keysToMake(): Promise<Set<string> | undefined> {
  return (changedKeys ??= (async () => {
    if (scope?.pages !== "site" || !scope.changed) return undefined;
    const ids = new Set(scope.changed.ids);
    const now = (await getArticles()).filter(({ id }) => ids.has(id));
    return new Set([
      ...scope.changed.previousKeys,
      ...now.flatMap(({ data }) => articlePageKeys(data)),
    ]);
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
  return pages.filter((page) => {
    const key = pageKey(path(page));
    return key === SITE_KEY || keys.has(key);
  });
}
