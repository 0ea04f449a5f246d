import { XMLParser } from "fast-xml-parser";
import { describe, expect, test } from "vitest";
import {
  NEWS_SITEMAP_LIMIT,
  newsLanguage,
  newsSitemapArticles,
  newsSitemapSpan,
  newsSitemapXml,
  spanHolds,
  type NewsSitemapArticle,
} from "../../src/lib/news-sitemap";

const article = (published: string, slug = published): NewsSitemapArticle => ({
  url: `https://news.example.org/articles/${slug}/`,
  title: `An article of ${published}`,
  published,
  publication: "Broadsheet",
  language: "en",
});

const urls = (list: readonly { url: string }[]) => list.map(({ url }) => url.split("/")[4]);

describe("newsSitemapArticles", () => {
  const date = new Date("2015-11-17T12:00:00Z");

  test("picks the articles published in the 48 hours up to the build date, newest first", () => {
    const articles = [
      article("2015-11-15T12:00:00Z", "just-too-old"),
      article("2015-11-15T12:00:01Z", "just-in-time"),
      article("2015-11-17T12:00:00+00:00", "at-the-build"),
      article("2015-11-17T13:00:00+02:00", "an-hour-before"),
      article("2015-11-17T12:00:01Z", "after-the-build"),
      article("2014-01-01T00:00:00Z", "long-ago"),
    ];
    expect(urls(newsSitemapArticles(articles, date))).toEqual([
      "at-the-build",
      "an-hour-before",
      "just-in-time",
    ]);
  });

  test("reads each date's offset: midnight in Istanbul is 22:00 UTC the day before", () => {
    const istanbul = article("2015-11-16T00:00:00+02:00", "istanbul");
    expect(urls(newsSitemapArticles([istanbul], new Date("2015-11-17T21:59:59Z")))).toEqual([
      "istanbul",
    ]);
    expect(newsSitemapArticles([istanbul], new Date("2015-11-17T22:00:00Z"))).toEqual([]);
  });

  test("lists the newest 1,000 when more were published, ties in URL order", () => {
    const many = Array.from({ length: NEWS_SITEMAP_LIMIT + 5 }, (_, index) =>
      article(new Date(date.getTime() - index * 60_000).toISOString(), `n${index}`),
    );
    const tied = [article("2015-11-17T11:00:00Z", "b"), article("2015-11-17T11:00:00Z", "a")];
    const picked = newsSitemapArticles([...many].reverse(), date);
    expect(NEWS_SITEMAP_LIMIT).toBe(1000);
    expect(picked).toHaveLength(1000);
    expect(picked[0]).toBe(many[0]);
    expect(picked.at(-1)).toBe(many[999]);
    expect(urls(newsSitemapArticles(tied, date))).toEqual(["a", "b"]);
  });

  test("says which page has a date it cannot read", () => {
    expect(() => newsSitemapArticles([article("15 November")], date)).toThrow(
      'https://news.example.org/articles/15 November/: its publication date "15 November" is not an ISO 8601 date',
    );
  });
});

describe("newsSitemapSpan", () => {
  const articles = [article("2015-11-15T00:00:00Z"), article("2015-11-17T00:00:00Z")];

  test("runs from the last publication or expiry to the next", () => {
    const span = newsSitemapSpan(articles, new Date("2015-11-17T12:00:00Z"));
    expect(span).toEqual({
      from: Date.parse("2015-11-17T00:00:00Z"),
      until: Date.parse("2015-11-19T00:00:00Z"),
    });
    const earlier = newsSitemapSpan(articles, new Date("2015-11-16T12:00:00Z"));
    expect(earlier).toEqual({
      from: Date.parse("2015-11-15T00:00:00Z"),
      until: Date.parse("2015-11-17T00:00:00Z"),
    });
  });

  test("is open at an end where nothing more comes or came", () => {
    expect(newsSitemapSpan(articles, new Date("2016-01-01T00:00:00Z"))).toEqual({
      from: Date.parse("2015-11-19T00:00:00Z"),
    });
    expect(newsSitemapSpan(articles, new Date("2015-01-01T00:00:00Z"))).toEqual({
      until: Date.parse("2015-11-15T00:00:00Z"),
    });
    expect(newsSitemapSpan([], new Date())).toEqual({});
  });

  test("holds exactly where the articles picked stay the same", () => {
    const start = Date.parse("2015-11-14T00:00:00Z");
    for (let hour = 0; hour < 24 * 7; hour += 5) {
      const date = new Date(start + hour * 3_600_000);
      const span = newsSitemapSpan(articles, date);
      const picked = newsSitemapArticles(articles, date);
      for (const edge of [span.from, span.until]) {
        if (edge === undefined) continue;
        const inside = edge === span.from ? edge : edge - 1;
        expect(newsSitemapArticles(articles, new Date(inside))).toEqual(picked);
        const outside = edge === span.from ? edge - 1 : edge;
        expect(newsSitemapArticles(articles, new Date(outside))).not.toEqual(picked);
      }
    }
  });
});

describe("spanHolds", () => {
  test("includes the start and excludes the end", () => {
    const span = { from: 1000, until: 2000 };
    expect(spanHolds(span, new Date(999))).toBe(false);
    expect(spanHolds(span, new Date(1000))).toBe(true);
    expect(spanHolds(span, new Date(1999))).toBe(true);
    expect(spanHolds(span, new Date(2000))).toBe(false);
    expect(spanHolds({}, new Date(0))).toBe(true);
  });
});

describe("newsLanguage", () => {
  test.each([
    ["en", "en"],
    ["en-GB", "en"],
    ["FR", "fr"],
    ["haw", "haw"],
    ["zh", "zh-cn"],
    ["zh-Hans", "zh-cn"],
    ["zh-CN", "zh-cn"],
    ["zh-Hant", "zh-tw"],
    ["zh-TW", "zh-tw"],
    ["zh-Hant-HK", "zh-tw"],
    ["zh-HK", "zh-tw"],
  ])("names %s as %s", (lang, expected) => {
    expect(newsLanguage(lang)).toBe(expected);
  });
});

describe("newsSitemapXml", () => {
  const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });

  test("gives each article Google's news tags", () => {
    const xml = newsSitemapXml([{ ...article("2015-11-15T00:00:00+02:00"), language: "en-US" }]);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" ' +
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' +
        "<url><loc>https://news.example.org/articles/2015-11-15T00:00:00+02:00/</loc><news:news>" +
        "<news:publication><news:name>Broadsheet</news:name><news:language>en</news:language></news:publication>" +
        "<news:publication_date>2015-11-15T00:00:00+02:00</news:publication_date>" +
        "<news:title>An article of 2015-11-15T00:00:00+02:00</news:title>" +
        "</news:news></url></urlset>\n",
    );
  });

  test("escapes what XML must, and drops what XML cannot hold", () => {
    const title = `Markets & Mayhem: <Live> "Coverage" </script>\u0007`;
    const xml = newsSitemapXml([
      { ...article("2016-02-01T00:00:00-05:00"), title, publication: "A & B" },
    ]);
    expect(xml).toContain(
      '<news:title>Markets &amp; Mayhem: &lt;Live&gt; "Coverage" &lt;/script&gt;</news:title>',
    );
    const parsed = parser.parse(xml);
    expect(parsed.urlset.url["news:news"]["news:title"]).toBe(
      `Markets & Mayhem: <Live> "Coverage" </script>`,
    );
    expect(parsed.urlset.url["news:news"]["news:publication"]["news:name"]).toBe("A & B");
  });

  test("is a valid, empty urlset when no article is recent", () => {
    const xml = newsSitemapXml([]);
    const parsed = parser.parse(xml);
    expect(parsed.urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(parsed.urlset["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    expect(parsed.urlset.url).toBeUndefined();
  });
});
