import { describe, expect, test } from "vitest";
import {
  articleParams,
  articlePath,
  articleRoutePath,
  pagePathOfFile,
  sitemapPath,
  siteUrls,
  withBase,
} from "../../src/lib/site-urls";
import { FALLBACK_SLUG, slugifyHeadline } from "../../src/lib/slugs";

const g20 = {
  headline: "Putin Goes From G-20 Pariah to Player at Obama Turkey Talk",
  published: "2015-11-15",
};

describe("slugifyHeadline", () => {
  test("makes a readable slug of the G-20 headline", () => {
    expect(slugifyHeadline(g20.headline)).toBe(
      "putin-goes-from-g-20-pariah-to-player-at-obama-turkey-talk",
    );
  });

  test("drops typographic apostrophes and folds accents", () => {
    expect(slugifyHeadline("Assad’s Future")).toBe("assads-future");
    expect(slugifyHeadline("Café Société Reopens")).toBe("cafe-societe-reopens");
  });

  test("keeps letters of other scripts", () => {
    expect(slugifyHeadline("Путин и Обама")).toBe("путин-и-обама");
  });

  test("never leaves doubled or dangling hyphens", () => {
    expect(slugifyHeadline("Markets — Up & Down!")).toBe("markets-up-down");
  });

  test("falls back when a headline has no letters or digits", () => {
    expect(slugifyHeadline("— … —")).toBe(FALLBACK_SLUG);
  });
});

describe("articlePath", () => {
  test("carries the publication date and the headline's slug", () => {
    expect(articlePath(g20)).toBe(
      "articles/2015-11-15/putin-goes-from-g-20-pariah-to-player-at-obama-turkey-talk/",
    );
  });

  test("uses a pinned slug over the headline", () => {
    expect(articleParams({ ...g20, slug: "putin-obama-g20" })).toEqual({
      date: "2015-11-15",
      slug: "putin-obama-g20",
    });
  });
});

describe("articleRoutePath", () => {
  test("makes the path of an article page from its route params", () => {
    expect(articleRoutePath({ date: "2015-11-15", slug: "putin-obama-g20" })).toBe(
      "articles/2015-11-15/putin-obama-g20/",
    );
  });

  test("agrees with articlePath on the params articleParams makes", () => {
    expect(articleRoutePath(articleParams(g20))).toBe(articlePath(g20));
  });
});

describe("pagePathOfFile", () => {
  test.each([
    ["index.html", ""],
    ["articles/2015-11-15/putin-goes/index.html", "articles/2015-11-15/putin-goes/"],
    ["archive/2015/11/index.html", "archive/2015/11/"],
    ["search/index.html", "search/"],
  ])("reads %s as the page %j", (file, page) => {
    expect(pagePathOfFile(file)).toBe(page);
  });

  test.each([
    "404.html",
    "rss.xml",
    "articles/2015-11-15/putin-goes/card.png",
    "topics/syrian-war/rss.xml",
    "not-index.html",
  ])("takes %s for no page", (file) => {
    expect(pagePathOfFile(file)).toBeUndefined();
  });
});

describe("sitemapPath", () => {
  test("numbers the sitemap's files from 0", () => {
    expect(sitemapPath(0)).toBe("sitemap-0.xml");
    expect(sitemapPath(12)).toBe("sitemap-12.xml");
  });
});

describe("withBase", () => {
  test("joins a path to the root base", () => {
    expect(withBase("/", "articles/x/")).toBe("/articles/x/");
    expect(withBase("/")).toBe("/");
  });

  test("joins a path to a subpath base with or without its trailing slash", () => {
    expect(withBase("/reader/", "articles/x/")).toBe("/reader/articles/x/");
    expect(withBase("/reader", "/articles/x/")).toBe("/reader/articles/x/");
  });
});

describe("siteUrls", () => {
  const g20 = {
    headline: "Putin Goes From G-20 Pariah to Player at Obama Turkey Talk",
    published: "2015-11-15",
  };
  const articlePathname =
    "/reader/articles/2015-11-15/putin-goes-from-g-20-pariah-to-player-at-obama-turkey-talk/";

  test("makes every URL of a site under a subpath from its origin and base", () => {
    const urls = siteUrls({ site: "https://news.example.org", base: "/reader/" });
    expect(urls.asset()).toBe("/reader/");
    expect(urls.asset("favicon.svg")).toBe("/reader/favicon.svg");
    expect(urls.absolute("rss.xml")).toBe("https://news.example.org/reader/rss.xml");
    expect(urls.atOrigin("/reader/archive/2015/")).toBe(
      "https://news.example.org/reader/archive/2015/",
    );
    expect(urls.article(g20)).toBe(articlePathname);
    expect(urls.articleAbsolute(g20)).toBe(`https://news.example.org${articlePathname}`);
    expect(urls.articleCard(g20)).toBe(`https://news.example.org${articlePathname}card.png`);
    expect(urls.siteCard()).toBe("https://news.example.org/reader/card.png");
    expect(urls.archive()).toBe("/reader/archive/");
    expect(urls.archive("2015-11")).toBe("/reader/archive/2015/11/");
    expect(urls.archive("2015-11-15")).toBe("/reader/archive/2015/11/15/");
    expect(urls.topics()).toBe("/reader/topics/");
    expect(urls.topic("Syrian War")).toBe("/reader/topics/syrian-war/");
    expect(urls.topic("G-20", "2015")).toBe("/reader/topics/g-20/2015/");
    expect(urls.topicFeed("Syrian War")).toBe(
      "https://news.example.org/reader/topics/syrian-war/rss.xml",
    );
    expect(urls.people()).toBe("/reader/people/");
    expect(urls.person("Robert Hutton")).toBe("/reader/people/robert-hutton/");
    expect(urls.person("José García", "2015-11")).toBe("/reader/people/jose-garcia/2015/11/");
    expect(urls.feed()).toBe("https://news.example.org/reader/rss.xml");
    expect(urls.about("corrections")).toBe("/reader/about/corrections/");
    expect(urls.aboutAbsolute("principles")).toBe(
      "https://news.example.org/reader/about/principles/",
    );
    expect(urls.search()).toBe("/reader/search/");
    expect(urls.search("Assad’s future & more")).toBe(
      "/reader/search/?q=Assad%E2%80%99s+future+%26+more",
    );
  });

  test("makes the corrections page's URLs, and a place on an article's page", () => {
    const urls = siteUrls({ site: "https://news.example.org", base: "/reader/" });
    expect(urls.corrections()).toBe("/reader/corrections/");
    expect(urls.correctionsFeed()).toBe("https://news.example.org/reader/corrections/rss.xml");
    expect(urls.articleAt(g20, "correction-2015-11-16")).toBe(
      `${articlePathname}#correction-2015-11-16`,
    );
    expect(urls.articleAtAbsolute(g20, "correction-2015-11-16-2")).toBe(
      `https://news.example.org${articlePathname}#correction-2015-11-16-2`,
    );
    const cyrillic = { headline: "Путин и Обама", published: "2016-01-15" };
    expect(urls.articleAt(cyrillic, "correction-2016-01-20")).toBe(
      "/reader/articles/2016-01-15/путин-и-обама/#correction-2016-01-20",
    );
    expect(urls.articleAtAbsolute(cyrillic, "correction-2016-01-20")).toBe(
      `https://news.example.org${encodeURI("/reader/articles/2016-01-15/путин-и-обама/")}#correction-2016-01-20`,
    );
  });

  test("refuses a name with nothing to make a page address from", () => {
    const urls = siteUrls({ site: "https://news.example.org", base: "/" });
    expect(() => urls.topic("***")).toThrow(/no letters or digits/);
  });

  test("refuses a masthead page name that is not a clean address", () => {
    const urls = siteUrls({ site: "https://news.example.org", base: "/" });
    for (const page of ["", "Corrections", "../etc", "a/b"]) {
      expect(() => urls.about(page), page).toThrow(/not a page name/);
    }
  });

  test("takes the origin as a URL, as Astro.site gives it", () => {
    const urls = siteUrls({ site: new URL("http://localhost:4321/"), base: "/" });
    expect(urls.absolute()).toBe("http://localhost:4321/");
    expect(urls.article(g20)).toBe(articlePathname.replace("/reader", ""));
  });
});
