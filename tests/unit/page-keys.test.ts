import { describe, expect, test } from "vitest";
import {
  articleOfKey,
  articlePageKeys,
  listChain,
  listPartOfKey,
  listPeriodOfKey,
  pageKey,
  searchYear,
  searchYearOfKey,
  SITE_KEY,
} from "../../src/lib/page-keys";
import {
  aboutPath,
  archivePath,
  articlePath,
  articleRoutePath,
  PEOPLE_PATH,
  personPath,
  SEARCH_BUNDLES_PATH,
  SEARCH_PATH,
  topicFeedPath,
  topicPath,
  TOPICS_PATH,
} from "../../src/lib/site-urls";

describe("pageKey", () => {
  test.each([
    ["articles/2015-11-15/putin-goes/index.html", "article:2015-11-15/putin-goes"],
    ["articles/2015-11-15/putin-goes/card.png", "article:2015-11-15/putin-goes"],
    ["archive/2015/index.html", "archive:2015"],
    ["archive/2015/11/index.html", "archive:2015-11"],
    ["archive/2015/11/15/index.html", "archive:2015-11-15"],
    ["topics/syrian-war/index.html", "topic:syrian-war"],
    ["topics/syrian-war/2014/index.html", "topic:syrian-war/2014"],
    ["topics/syrian-war/2014/03/index.html", "topic:syrian-war/2014-03"],
    ["topics/syrian-war/2014/03/09/index.html", "topic:syrian-war/2014-03-09"],
    ["topics/syrian-war/rss.xml", "topic:syrian-war"],
    ["topics/2016/2016/index.html", "topic:2016/2016"],
    ["people/robert-hutton/index.html", "person:robert-hutton"],
    ["people/robert-hutton/2015/11/", "person:robert-hutton/2015-11"],
    ["pagefind/2015/pagefind.js", "search:2015"],
    ["index.html", SITE_KEY],
    ["archive/index.html", SITE_KEY],
    ["topics/index.html", SITE_KEY],
    ["people/index.html", SITE_KEY],
    ["people/", SITE_KEY],
    ["about/corrections/index.html", SITE_KEY],
    ["about/principles/", SITE_KEY],
    ["_astro/page.abc123.css", SITE_KEY],
    ["sitemap-0.xml", SITE_KEY],
    // Every article's corrections, made on every build, so none is ever left out of date.
    ["corrections/index.html", SITE_KEY],
    ["corrections/rss.xml", SITE_KEY],
  ])("%s belongs to %s", (path, key) => {
    expect(pageKey(path)).toBe(key);
  });
});

describe("pageKey, on the paths site-urls.ts makes", () => {
  test.each([
    [
      articlePath({ headline: "Putin Goes", published: "2015-11-15" }),
      "article:2015-11-15/putin-goes",
    ],
    [archivePath("2015-11-15"), "archive:2015-11-15"],
    [topicPath("Syrian War"), "topic:syrian-war"],
    [topicPath("Syrian War", "2014"), "topic:syrian-war/2014"],
    [topicFeedPath("Syrian War"), "topic:syrian-war"],
    [personPath("José García", "2015-11"), "person:jose-garcia/2015-11"],
    [personPath("José García", "2015-11-15"), "person:jose-garcia/2015-11-15"],
    [`${SEARCH_BUNDLES_PATH}2015/pagefind.js`, "search:2015"],
    [archivePath(), SITE_KEY],
    [TOPICS_PATH, SITE_KEY],
    [SEARCH_PATH, SITE_KEY],
  ])("reads %s back as %s", (path, key) => {
    expect(pageKey(path)).toBe(key);
  });
});

describe("searchYearOfKey", () => {
  test("reads the year back from a search key, and nothing from another key", () => {
    expect(searchYearOfKey("search:2015")).toBe("2015");
    for (const key of ["site", "topic:syrian-war", "archive:2015", "search:"]) {
      expect(searchYearOfKey(key), key).toBeUndefined();
    }
  });
});

describe("articleOfKey", () => {
  test("reads an article's route params back from its page key", () => {
    const params = { date: "2015-11-15", slug: "putin-goes" };
    expect(articleOfKey(pageKey(articleRoutePath(params)))).toEqual(params);
  });

  test.each(["site", "topic:syrian-war", "archive:2015-11", "article:2015-11-15", "article:a/b/c"])(
    "finds no article in %s",
    (key) => {
      expect(articleOfKey(key)).toBeUndefined();
    },
  );
});

test("the indexes of people and topics, and the masthead's pages, are the site's, made again by every build", () => {
  // They list every article's people and topics, or none: no article's keys name them.
  for (const path of [
    PEOPLE_PATH,
    TOPICS_PATH,
    aboutPath("corrections"),
    aboutPath("principles"),
  ]) {
    expect(pageKey(path), path).toBe(SITE_KEY);
  }
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
        // Each list's page of the day: its larger periods' follow from it.
        "topic:russia/2015-11-15",
        "topic:syrian-war/2015-11-15",
        "person:robert-hutton/2015-11-15",
        "person:ilya-arkhipov/2015-11-15",
        "search:2015",
      ].sort(),
    );
  });
});

describe("listChain", () => {
  test("names a list's page of a period and those of the larger periods, up to its first page", () => {
    expect(listChain("topic:syrian-war/2015-11-15")).toEqual([
      "topic:syrian-war",
      "topic:syrian-war/2015",
      "topic:syrian-war/2015-11",
      "topic:syrian-war/2015-11-15",
    ]);
    expect(listChain("person:robert-hutton/2015")).toEqual([
      "person:robert-hutton",
      "person:robert-hutton/2015",
    ]);
    expect(listChain("topic:syrian-war")).toEqual(["topic:syrian-war"]);
  });

  test.each(["site", "archive:2015-11", "article:2015-11-15/putin-goes", "search:2015"])(
    "leaves %s alone",
    (key) => {
      expect(listChain(key)).toEqual([key]);
    },
  );
});

describe("listPeriodOfKey", () => {
  test.each([
    ["topic:syrian-war", { list: "topic:syrian-war", period: "" }],
    ["topic:syrian-war/2014-03", { list: "topic:syrian-war", period: "2014-03" }],
    ["person:robert-hutton/2015-11-15", { list: "person:robert-hutton", period: "2015-11-15" }],
  ])("reads %s as a period of a list", (key, read) => {
    expect(listPeriodOfKey(key)).toEqual(read);
  });

  test.each([
    "site",
    "archive:2015",
    "article:2015-11-15/putin-goes",
    "search:2015",
    "topic:a/2015-1",
  ])("finds no list's period in %s", (key) => {
    expect(listPeriodOfKey(key)).toBeUndefined();
  });

  test("reads back the keys of the pages site-urls.ts makes", () => {
    for (const period of ["", "2015", "2015-11", "2015-11-15"]) {
      expect(listPeriodOfKey(pageKey(topicPath("Syrian War", period)))).toEqual({
        list: "topic:syrian-war",
        period,
      });
    }
  });
});

describe("listPartOfKey", () => {
  test("is the list that listPeriodOfKey reads, for every key of a topic's or a person's page", () => {
    for (const period of ["", "2015", "2015-11", "2015-11-15"]) {
      for (const path of [topicPath("Syrian War", period), personPath("Robert Hutton", period)]) {
        const key = pageKey(path);
        expect(listPartOfKey(key)).toBe(listPeriodOfKey(key)!.list);
      }
    }
  });

  test.each([
    ["article:2015-11-15/putin-goes", "article:2015-11-15"],
    ["archive:2015", "archive:2015"],
    ["site", "site"],
  ])("takes what precedes the first slash of any other key: %s", (key, part) => {
    expect(listPartOfKey(key)).toBe(part);
  });
});

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

describe("articlePageKeys, for an article with former slugs", () => {
  const article = {
    headline: "Obama and Putin Meet Again",
    published: "2016-03-01",
    topics: ["Syrian War"],
    byline: { authors: ["Margaret Talev"], contributors: [] },
  };

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
    // Three pages of its own, three of the archive, one of each list, one of search.
    expect(keys).toHaveLength(3 + 3 + 2 + 1);
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
