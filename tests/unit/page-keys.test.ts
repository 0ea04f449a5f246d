import { describe, expect, test } from "vitest";
import { articlePageKeys, pageKey, SITE_KEY } from "../../src/lib/page-keys";

describe("pageKey", () => {
  test.each([
    ["articles/2015-11-15/putin-goes/index.html", "article:2015-11-15/putin-goes"],
    ["articles/2015-11-15/putin-goes/card.png", "article:2015-11-15/putin-goes"],
    ["archive/2015/index.html", "archive:2015"],
    ["archive/2015/11/index.html", "archive:2015-11"],
    ["archive/2015/11/15/index.html", "archive:2015-11-15"],
    ["topics/syrian-war/2014/index.html", "topic:syrian-war"],
    ["topics/syrian-war/rss.xml", "topic:syrian-war"],
    ["people/robert-hutton/index.html", "person:robert-hutton"],
    ["pagefind/2015/pagefind.js", "search:2015"],
    ["index.html", SITE_KEY],
    ["archive/index.html", SITE_KEY],
    ["topics/index.html", SITE_KEY],
    ["people/index.html", SITE_KEY],
    ["_astro/page.abc123.css", SITE_KEY],
    ["sitemap-0.xml", SITE_KEY],
  ])("%s belongs to %s", (path, key) => {
    expect(pageKey(path)).toBe(key);
  });
});

describe("articlePageKeys", () => {
  test("names every page that shows the article, each once", () => {
    const keys = articlePageKeys({
      headline: "Putin Goes From G-20 Pariah to Player",
      published: "2015-11-15",
      slug: "putin-goes",
      topics: ["Russia", "Syrian War"],
      byline: { authors: ["Robert Hutton", "Ilya Arkhipov"], contributors: ["Robert Hutton"] },
    });
    expect(keys.sort()).toEqual(
      [
        "article:2015-11-15/putin-goes",
        "archive:2015",
        "archive:2015-11",
        "archive:2015-11-15",
        "topic:russia",
        "topic:syrian-war",
        "person:robert-hutton",
        "person:ilya-arkhipov",
        "search:2015",
      ].sort(),
    );
  });
});
