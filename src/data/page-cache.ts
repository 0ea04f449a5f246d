import { PAGE_RECIPE_VARIABLE, withPageCacheKeys, type StaticPath } from "../lib/page-cache";

/**
 * `paths` with their keys for Astro's incremental build when `npm run build`
 * gave this process a recipe (src/lib/page-cache.ts), so a page that would
 * come out the same is copied from the last build rather than rendered.
 */
export function cacheable<T extends StaticPath>(
  paths: readonly T[],
): (T & { cacheKey?: string })[] {
  return withPageCacheKeys(process.env[PAGE_RECIPE_VARIABLE], paths);
}
