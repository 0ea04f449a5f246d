import { describe, expect, test } from "vitest";
import { pageCacheKey, withPageCacheKeys } from "../../src/lib/page-cache";

/** A content entry as `getCollection` gives it. */
const entry = (id: string, digest: string, headline = "Putin Goes From G-20 Pariah to Player") => ({
  id,
  collection: "articles",
  digest,
  data: { headline },
  body: "## Russian Military\n\nText.",
  rendered: { html: "<h2>Russian Military</h2><p>Text.</p>" },
});

const day = (items: unknown[]) => ({
  params: { period: "2015/11/15" },
  props: { page: { items } },
});

describe("pageCacheKey", () => {
  test("is the same for the same recipe, params and props", () => {
    expect(pageCacheKey("r1", day([entry("a", "d1")]))).toBe(
      pageCacheKey("r1", day([entry("a", "d1")])),
    );
  });

  test("changes with the recipe, the params and the props", () => {
    const key = pageCacheKey("r1", day([entry("a", "d1")]));
    expect(pageCacheKey("r2", day([entry("a", "d1")]))).not.toBe(key);
    expect(
      pageCacheKey("r1", { params: { period: "2015/11/16" }, props: { page: { items: [] } } }),
    ).not.toBe(pageCacheKey("r1", day([])));
    expect(pageCacheKey("r1", day([entry("a", "d1"), entry("b", "d2")]))).not.toBe(key);
    expect(
      pageCacheKey("r1", { ...day([entry("a", "d1")]), props: { page: { items: [] }, n: 1 } }),
    ).not.toBe(pageCacheKey("r1", day([])));
  });

  test("counts an entry by its id and digest, the hash of its file", () => {
    const key = pageCacheKey("r1", day([entry("a", "d1")]));
    // A new file, whatever it holds: a new key.
    expect(pageCacheKey("r1", day([entry("a", "d2")]))).not.toBe(key);
    expect(pageCacheKey("r1", day([entry("b", "d1")]))).not.toBe(key);
    // The same file: its data and HTML follow from it and the recipe.
    expect(pageCacheKey("r1", day([entry("a", "d1", "Another Headline")]))).toBe(key);
  });

  test("counts an object without a digest by all it holds", () => {
    const plain = (headline: string) => ({ params: { slug: "x" }, props: { headline } });
    expect(pageCacheKey("r1", plain("One"))).not.toBe(pageCacheKey("r1", plain("Two")));
    const undigested: Partial<ReturnType<typeof entry>> = entry("a", "d1");
    delete undigested.digest;
    expect(pageCacheKey("r1", day([undigested]))).not.toBe(
      pageCacheKey("r1", day([{ ...undigested, data: { headline: "Another" } }])),
    );
  });
});

describe("withPageCacheKeys", () => {
  test("gives every path its key when there is a recipe", () => {
    const paths = [day([entry("a", "d1")]), day([])];
    expect(withPageCacheKeys("r1", paths)).toEqual(
      paths.map((path) => ({ ...path, cacheKey: pageCacheKey("r1", path) })),
    );
  });

  test("leaves the paths without keys, so every page is rendered, when there is none", () => {
    const paths = [day([entry("a", "d1")])];
    expect(withPageCacheKeys(undefined, paths)).toEqual(paths);
    expect(withPageCacheKeys("", paths)).toEqual(paths);
  });
});
