import type {
  NewsArticle,
  NewsMediaOrganization,
  Organization,
  Person,
  WebPage,
  WithContext,
} from "schema-dts";
import type { CheerioAPI } from "cheerio";
import { describe, expect, inject, test } from "vitest";
import { subpathSite } from "../support/global-build";
import { loadPage } from "../support/html";
import { g20Path, newerArticles } from "../support/publishing-fixture";

const site = `${subpathSite.SITE_URL}${subpathSite.BASE_PATH}`;
const g20Url = `${site}${g20Path}`;
const g20Card = `${g20Url}card.png`;

const load = (path: string) => loadPage(inject("subpathDistDir"), `${path}index.html`);

/** The page's one JSON-LD block, parsed. */
function jsonLd($: CheerioAPI): WithContext<NewsArticle> {
  const blocks = $('script[type="application/ld+json"]');
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks.text()) as WithContext<NewsArticle>;
}

/** The content of a meta tag, by its property (Open Graph) or name. */
function meta($: CheerioAPI, key: string): string | undefined {
  return $(`meta[property="${key}"], meta[name="${key}"]`).attr("content");
}

describe("the G-20 article's JSON-LD", () => {
  test("is a schema.org NewsArticle with its headline, description and language", async () => {
    const data = jsonLd(await load(g20Path));
    expect(data["@context"]).toBe("https://schema.org");
    expect(data["@type"]).toBe("NewsArticle");
    expect(data.headline).toBe("Putin Goes From G-20 Pariah to Player at Obama Turkey Talk");
    expect(data.description).toBe(
      "Meeting on summit sideline first since Russia bombed Syria. Russia seeks collaboration on Syrian war, fighting terrorism.",
    );
    expect(data.inLanguage).toBe("en");
  });

  test("dates it in ISO 8601 with Istanbul's offset", async () => {
    const data = jsonLd(await load(g20Path));
    expect(data.datePublished).toBe("2015-11-15T00:00:00+02:00");
    expect(data.dateModified).toBe("2015-11-16T00:00:00+02:00");
    expect(Date.parse(String(data.datePublished))).toBe(Date.UTC(2015, 10, 14, 22));
  });

  test("names Bloomberg News as author, no person being named, and the site's masthead as publisher", async () => {
    const data = jsonLd(await load(g20Path));
    const bloomberg: Organization = { "@type": "Organization", name: "Bloomberg News" };
    expect(data.author).toEqual([bloomberg]);
    const publisher: NewsMediaOrganization = {
      "@type": "NewsMediaOrganization",
      name: "Broadsheet",
      url: site,
      logo: `${site}favicon.svg`,
      correctionsPolicy: `${site}about/corrections/`,
      publishingPrinciples: `${site}about/principles/`,
    };
    expect(data.publisher).toEqual(publisher);
  });

  test("credits each contributor as a Person, with the absolute URL of their page", async () => {
    const data = jsonLd(await load(g20Path));
    const contributors: Person[] = (
      [
        ["Robert Hutton", "robert-hutton"],
        ["Henry Meyer", "henry-meyer"],
        ["Ryan Chilcote", "ryan-chilcote"],
        ["Stepan Kravchenko", "stepan-kravchenko"],
      ] as const
    ).map(([name, slug]) => ({ "@type": "Person", name, url: `${site}people/${slug}/` }));
    expect(data.contributor).toEqual(contributors);
  });

  test("gives the social card as image and the page as its main entity, by absolute URL", async () => {
    const data = jsonLd(await load(g20Path));
    expect(data.image).toEqual([g20Card]);
    const page: WebPage = { "@type": "WebPage", "@id": g20Url };
    expect(data.mainEntityOfPage).toEqual(page);
    expect(data.url).toBe(g20Url);
  });
});

describe("another article's JSON-LD", () => {
  test("has one Person author a named author, in byline order, with the absolute URL of their page", async () => {
    const data = jsonLd(await load(newerArticles.authored.path));
    const authors: Person[] = [
      { "@type": "Person", name: "Margaret Talev", url: `${site}people/margaret-talev/` },
      { "@type": "Person", name: "Ilya Arkhipov", url: `${site}people/ilya-arkhipov/` },
    ];
    expect(newerArticles.authored.authors).toEqual(["Margaret Talev", "Ilya Arkhipov"]);
    expect(data.author).toEqual(authors);
  });

  test("links each author to a page the build made, which names them", async () => {
    const data = jsonLd(await load(newerArticles.authored.path));
    const authors = data.author as readonly { name: string; url: string }[];
    expect(authors).toHaveLength(2);
    for (const { name, url } of authors) {
      const $ = await load(url.slice(site.length));
      expect($("h1").text()).toBe(name);
    }
  });

  test("keeps a headline holding </script> inside the data block", async () => {
    const $ = await load(newerArticles.escaping.path);
    expect(jsonLd($).headline).toBe(newerArticles.escaping.headline);
    expect($("h1").text()).toBe(newerArticles.escaping.headline);
  });

  test("names the page by its percent-encoded URL when the slug is in another script", async () => {
    const data = jsonLd(await load(newerArticles.cyrillic.path));
    expect(data.url).toBe(new URL(newerArticles.cyrillic.path, site).href);
    expect(String(data.url)).toMatch(
      /^https:\/\/news\.example\.org\/reader\/articles\/2016-01-15\/%D0/,
    );
  });
});

describe("the G-20 article's head", () => {
  test("has its canonical URL", async () => {
    expect((await load(g20Path))('link[rel="canonical"]').attr("href")).toBe(g20Url);
  });

  test("has Open Graph tags for an article, with its dates and card", async () => {
    const $ = await load(g20Path);
    expect(meta($, "og:type")).toBe("article");
    expect(meta($, "og:title")).toBe("Putin Goes From G-20 Pariah to Player at Obama Turkey Talk");
    expect(meta($, "og:url")).toBe(g20Url);
    expect(meta($, "og:site_name")).toBe("Broadsheet");
    expect(meta($, "og:image")).toBe(g20Card);
    expect([meta($, "og:image:width"), meta($, "og:image:height")]).toEqual(["1200", "630"]);
    expect(meta($, "og:image:alt")).toBe(
      "Broadsheet: Putin Goes From G-20 Pariah to Player at Obama Turkey Talk",
    );
    expect(meta($, "article:published_time")).toBe("2015-11-15T00:00:00+02:00");
    expect(meta($, "article:modified_time")).toBe("2015-11-16T00:00:00+02:00");
  });

  test("has a large X (Twitter) card, which takes its title, text and image from Open Graph", async () => {
    const $ = await load(g20Path);
    expect(meta($, "twitter:card")).toBe("summary_large_image");
    expect(meta($, "twitter:image:alt")).toBe(meta($, "og:image:alt"));
    // X falls back to og:title, og:description and og:image: no copies.
    expect(
      $('meta[name="twitter:title"], meta[name="twitter:description"], meta[name="twitter:image"]'),
    ).toHaveLength(0);
    expect(meta($, "og:image")).toBe(g20Card);
    expect(meta($, "og:description")).toBe($('meta[name="description"]').attr("content"));
  });
});

describe("the front page's head", () => {
  test("is a website with the site's own card and canonical URL", async () => {
    const $ = await load("");
    expect($('link[rel="canonical"]').attr("href")).toBe(site);
    expect(meta($, "og:type")).toBe("website");
    expect(meta($, "og:image")).toBe(`${site}card.png`);
    expect(meta($, "article:published_time")).toBeUndefined();
    expect($('script[type="application/ld+json"]')).toHaveLength(0);
  });
});

describe("the 404 page's head", () => {
  test("asks not to be indexed and claims no canonical URL", async () => {
    const $ = await loadPage(inject("subpathDistDir"), "404.html");
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($('link[rel="canonical"]')).toHaveLength(0);
    expect(meta($, "og:url")).toBeUndefined();
    expect($("main a").attr("href")).toBe("/reader/");
  });
});
