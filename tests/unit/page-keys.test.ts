import { describe, expect, test } from "vitest";
import { articlePageKeys, pageKey, SITE_KEY } from "../../src/lib/page-keys";

const article = {
  headline: "Obama and Putin Meet Again",
  published: "2016-03-01",
  topics: ["Syrian War"],
  byline: { authors: ["Margaret Talev"], contributors: [] },
};

describe("pageKey", () => {
  test("names an article's page and its card by the article's date and slug", () => {
    expect(pageKey("articles/2016-03-01/obama-and-putin-meet-again/")).toBe(
      "article:2016-03-01/obama-and-putin-meet-again",
    );
    expect(pageKey("articles/2016-03-01/obama-and-putin-meet-again/card.png")).toBe(
      "article:2016-03-01/obama-and-putin-meet-again",
    );
    expect(pageKey("index.html")).toBe(SITE_KEY);
  });
});

describe("articlePageKeys", () => {
  test("names the article's own page, its dates', topics', people's and search year's", () => {
    expect(articlePageKeys(article)).toEqual([
      "article:2016-03-01/obama-and-putin-meet-again",
      "archive:2016",
      "archive:2016-03",
      "archive:2016-03-01",
      "topic:syrian-war",
      "person:margaret-talev",
      "search:2016",
    ]);
  });

  test("names the page at each former URL too, which the article owns", () => {
    const keys = articlePageKeys({
      ...article,
      formerSlugs: ["obama-and-putin-to-meet-in-paris", "paris-talks"],
    });
    expect(keys.slice(0, 3)).toEqual([
      "article:2016-03-01/obama-and-putin-meet-again",
      "article:2016-03-01/obama-and-putin-to-meet-in-paris",
      "article:2016-03-01/paris-talks",
    ]);
    expect(keys).toHaveLength(9);
  });

  test("keys a former URL of a pinned slug by the date it shares with the article", () => {
    expect(
      articlePageKeys({ ...article, slug: "paris", formerSlugs: ["obama-and-putin-meet-again"] }),
    ).toEqual(
      expect.arrayContaining([
        "article:2016-03-01/paris",
        "article:2016-03-01/obama-and-putin-meet-again",
      ]),
    );
  });
});
