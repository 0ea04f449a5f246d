import { createHash } from "node:crypto";

/*
 * Keys for Astro's incremental build (`experimental.incrementalBuild`):
 * a page whose `cacheKey` from `getStaticPaths()` is the one it had in the
 * last build is copied from Astro's cache instead of rendered again.
 */

/**
 * The environment variable that holds the recipe: a digest of everything
 * but the articles that decides a page's bytes (the code, the packages, the
 * Node version, where the site is served: `npm run build` gives its build
 * inputs). Without it no page has a key, and every page is rendered.
 */
export const PAGE_RECIPE_VARIABLE = "BROADSHEET_PAGE_RECIPE";

/** A path as `getStaticPaths()` returns it. */
export interface StaticPath {
  params: Record<string, string | undefined>;
  props?: unknown;
}

/**
 * The key of a page: a digest of the recipe and of its params and props,
 * all that its template is given. A content entry in the props counts by
 * its id and digest, a hash of its file: with the code fixed by the recipe,
 * the file decides the entry's data and rendered HTML, and hashing its
 * digest rather than its HTML keeps a listing of thousands of articles cheap.
 */
export function pageCacheKey(recipe: string, { params, props }: StaticPath): string {
  const hash = createHash("sha256").update(`${recipe}\0`);
  hash.update(
    JSON.stringify({ params, props }, (_key, value: unknown) => entryDigest(value) ?? value),
  );
  return hash.digest("hex");
}

/** `paths` each with its key when there is a recipe; as they are when there is none. */
export function withPageCacheKeys<T extends StaticPath>(
  recipe: string | undefined,
  paths: readonly T[],
): (T & { cacheKey?: string })[] {
  if (!recipe) return [...paths];
  return paths.map((path) => ({ ...path, cacheKey: pageCacheKey(recipe, path) }));
}

/** What a content entry counts as in a key; undefined for anything else. */
function entryDigest(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { id, collection, digest } = value as Record<string, unknown>;
  if (typeof id !== "string" || typeof collection !== "string" || typeof digest !== "string") {
    return undefined;
  }
  return `entry ${collection}/${id}@${digest}`;
}
