import { describe, expect, test } from "vitest";
import { articlePageKeys, searchYear } from "../../src/lib/page-keys";
import { articlePath } from "../../src/lib/site-urls";

describe("searchYear", () => {
  test.each([
    ["articles/2015-11-15/putin-goes-from-g-20-pariah/index.html", "2015"],
    ["articles/2016-01-15/путин-и-обама-что-дальше/", "2016"],
    ["/articles/2009-12-31/late/index.html", "2009"],
  ])("puts %s in the index of %s", (path, year) => {
    expect(searchYear(path)).toBe(year);
  });

  test.each([
    "index.html",
    "articles/index.html",
    "articles/2015-11-15/",
    "archive/2015/index.html",
    "search/index.html",
    "pagefind/2015/pagefind.js",
  ])("puts %s in no year's index", (path) => {
    expect(searchYear(path)).toBeUndefined();
  });

  test("agrees with the search key an article's page keys name", () => {
    const article = {
      headline: "Obama and Putin Meet Again",
      published: "2016-03-01",
      topics: [],
      byline: { authors: [], contributors: [] },
    };
    expect(articlePageKeys(article)).toContain(`search:${searchYear(articlePath(article))}`);
  });
});
