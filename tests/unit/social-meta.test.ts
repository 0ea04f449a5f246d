import { describe, expect, test } from "vitest";
import { absoluteUrl } from "../../src/lib/site-urls";
import { socialMetaTags, type MetaTag } from "../../src/lib/social-meta";

const page = {
  siteName: "Broadsheet",
  title: "Putin Goes From G-20 Pariah to Player at Obama Turkey Talk",
  description: "Meeting on summit sideline.",
  url: "https://news.example.org/reader/articles/2015-11-15/putin/",
  image: {
    url: "https://news.example.org/reader/articles/2015-11-15/putin/card.png",
    alt: "Broadsheet: Putin Goes From G-20 Pariah to Player at Obama Turkey Talk",
    width: 1200,
    height: 630,
    type: "image/png",
  },
};

/** The tags as "key=content" lines, Open Graph's by property, the others by name. */
function lines(tags: MetaTag[]): string[] {
  return tags.map((tag) => `${"property" in tag ? tag.property : tag.name}=${tag.content}`);
}

describe("socialMetaTags", () => {
  test("describes an article page with its dates and topics for Open Graph and Twitter", () => {
    const tags = socialMetaTags({
      ...page,
      article: {
        publishedTime: "2015-11-15T00:00:00+02:00",
        modifiedTime: "2015-11-16T00:00:00+02:00",
        tags: ["G-20", "Syrian War"],
      },
    });
    expect(lines(tags)).toEqual([
      "og:type=article",
      "og:site_name=Broadsheet",
      `og:title=${page.title}`,
      "og:description=Meeting on summit sideline.",
      `og:url=${page.url}`,
      `og:image=${page.image.url}`,
      "og:image:type=image/png",
      "og:image:width=1200",
      "og:image:height=630",
      `og:image:alt=${page.image.alt}`,
      "article:published_time=2015-11-15T00:00:00+02:00",
      "article:modified_time=2015-11-16T00:00:00+02:00",
      "article:tag=G-20",
      "article:tag=Syrian War",
      "twitter:card=summary_large_image",
      `twitter:image:alt=${page.image.alt}`,
    ]);
  });

  test("calls any other page a website, without article dates", () => {
    const keys = lines(socialMetaTags(page)).map((line) => line.split("=")[0]);
    expect(keys[0]).toBe("og:type");
    expect(lines(socialMetaTags(page))[0]).toBe("og:type=website");
    expect(keys.filter((key) => key?.startsWith("article:"))).toEqual([]);
  });

  test("uses property for Open Graph tags and name for Twitter's", () => {
    for (const tag of socialMetaTags(page)) {
      const key = "property" in tag ? tag.property : tag.name;
      expect("property" in tag).toBe(!key.startsWith("twitter:"));
    }
  });
});

describe("absoluteUrl", () => {
  test("puts a base-carrying path on the site's origin", () => {
    expect(absoluteUrl("https://news.example.org", "/reader/rss.xml")).toBe(
      "https://news.example.org/reader/rss.xml",
    );
    expect(absoluteUrl(new URL("http://localhost:4321"), "/")).toBe("http://localhost:4321/");
  });

  test("percent-encodes paths in other scripts", () => {
    expect(absoluteUrl("https://news.example.org", "/articles/путин/")).toBe(
      "https://news.example.org/articles/%D0%BF%D1%83%D1%82%D0%B8%D0%BD/",
    );
  });
});
