import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as cheerio from "cheerio";
import Parser from "rss-parser";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { subpathSite } from "../support/global-build";
import { loadPage } from "../support/html";
import {
  fixtureArticlePaths,
  fixtureCorrections,
  g20Path,
  newerArticles,
} from "../support/publishing-fixture";

const site = `${subpathSite.SITE_URL}${subpathSite.BASE_PATH}`;

/** The fields rss-parser reads beyond its defaults' types. */
type Channel = { language?: string };
type Item = { "dc:creator": string[]; "content:encoded"?: string; media?: unknown };

let feed: Awaited<ReturnType<Parser<Channel, Item>["parseString"]>>;
beforeAll(async () => {
  const parser = new Parser<Channel, Item>({
    customFields: {
      item: [
        ["dc:creator", "dc:creator", { keepArray: true }],
        ["media:content", "media"],
      ],
    },
  });
  feed = await parser.parseString(
    await readFile(join(inject("subpathDistDir"), "rss.xml"), "utf8"),
  );
});

const itemAt = (path: string) => {
  const item = feed.items.find((entry) => entry.link === new URL(path, site).href);
  if (!item) throw new Error(`no feed item for ${path}`);
  return item;
};

describe("the RSS feed, read by a feed parser", () => {
  test("names the site, links its front page and itself", async () => {
    expect(feed.title).toBe("Broadsheet");
    expect(feed.description).toBe("News articles, fast to load and easy to read and link to.");
    expect(feed.link).toBe(site);
    expect(feed.language).toBe("en");
    const xml = await readFile(join(inject("subpathDistDir"), "rss.xml"), "utf8");
    expect(xml).toContain(
      `<atom:link href="${site}rss.xml" rel="self" type="application/rss+xml"/>`,
    );
  });

  test("carries the newest 50 of the 53 articles, newest first", () => {
    expect(fixtureArticlePaths).toHaveLength(53);
    expect(feed.items.map((item) => item.link)).toEqual(
      fixtureArticlePaths.slice(0, 50).map((path) => new URL(path, site).href),
    );
  });

  test("links the G-20 item to the article's absolute URL, with its date and summary", () => {
    const item = itemAt(g20Path);
    expect(item.link).toBe(
      "https://news.example.org/reader/articles/2015-11-15/putin-goes-from-g-20-pariah-to-player-at-obama-turkey-talk/",
    );
    expect(item.guid).toBe(item.link);
    expect(item.title).toBe("Putin Goes From G-20 Pariah to Player at Obama Turkey Talk");
    // Midnight in Istanbul (UTC+2) on November 15.
    expect(item.isoDate).toBe("2015-11-14T22:00:00.000Z");
    expect(item.contentSnippet).toBeDefined();
    expect(item["dc:creator"]).toEqual(["Bloomberg News"]);
  });

  test("holds the full article as HTML, without the page's section self-links", () => {
    const $ = cheerio.load(itemAt(g20Path)["content:encoded"] ?? "");
    expect($("p").first().text()).toMatch(/^The sidelines of summits are full of talks/);
    expect($("p").eq(-3).text()).toMatch(/“in the interests of mutual cooperation\.”$/);
    expect(
      $("h2")
        .map((_, h2) => $(h2).text())
        .get(),
    ).toEqual(["Russian Military", "Assad’s Future", "Higher Stakes"]);
    expect($("h2 a, .section-link, .visually-hidden")).toHaveLength(0);
    expect($.text()).not.toContain("Link to section");
  });

  test("carries what the page carries around the body: bullets, contributors and the update note", () => {
    const $ = cheerio.load(itemAt(g20Path)["content:encoded"] ?? "");
    expect(
      $("ul")
        .first()
        .find("li")
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual([
      "Meeting on summit sideline first since Russia bombed Syria",
      "Russia seeks collaboration on Syrian war, fighting terrorism",
    ]);
    expect($("p").eq(-2).text()).toBe(
      "With assistance by Robert Hutton, Henry Meyer, Ryan Chilcote, and Stepan Kravchenko",
    );
    expect($("p").last().text()).toBe("(Updates with Putin comment in third paragraph.)");
    expect($("p").last().find("a").attr("href")).toBe(`${site}${g20Path}#p-3`);
  });

  test("makes the links inside an item absolute, section links included", () => {
    const $ = cheerio.load(itemAt(newerArticles.authored.path)["content:encoded"] ?? "");
    expect(
      $("a")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toEqual([
      `${site}${g20Path}#assads-future`,
      `${site}${newerArticles.authored.path}#what-changed`,
    ]);
  });

  test("carries each figure as the file its page falls back to, so a feed makes no picture of its own", async () => {
    const item = cheerio.load(itemAt(newerArticles.authored.path)["content:encoded"] ?? "");
    const page = await loadPage(
      inject("subpathDistDir"),
      `${newerArticles.authored.path}index.html`,
    );
    const fallbacks = page(".article-body figure picture > img")
      .map((_, img) => new URL(page(img).attr("src") ?? "", site).href)
      .get();
    // The page's first figure is its lead picture; the item's lead is the link-preview crop.
    expect(
      item("figure img")
        .map((_, img) => item(img).attr("src"))
        .get()
        .slice(1),
    ).toEqual(fallbacks.slice(1));
    expect(fallbacks).toHaveLength(3);
  });

  test("carries the article's pictures: the lead first, as the item's media too, and the body's figures", () => {
    const item = itemAt(newerArticles.authored.path);
    const $ = cheerio.load(item["content:encoded"] ?? "");
    const { image, figure } = newerArticles.authored;
    const [lead, body] = $("figure")
      .toArray()
      .map((each) => $(each));
    expect(lead!.find("img").attr("alt")).toBe(image.alt);
    expect(lead!.find("figcaption").text()).toBe(`${image.caption} ${image.credit}`);
    expect(body!.find("img").attr("alt")).toBe(figure.alt);
    expect(body!.find("figcaption small").text()).toBe(figure.credit);
    // Feed readers get each picture as one <img> in its file's format, which all of them show.
    expect($("picture, source")).toHaveLength(0);
    for (const img of $("img").toArray()) {
      expect($(img).attr("src")).toMatch(new RegExp(`^${site}_astro/[^/]+\\.(jpg|png)$`));
      expect(Number($(img).attr("width"))).toBeGreaterThan(0);
    }
    expect(item.media).toEqual({
      $: {
        url: lead!.find("img").attr("src"),
        medium: "image",
        type: "image/jpeg",
        width: "1200",
        height: "630",
      },
      "media:description": [{ _: image.alt, $: { type: "plain" } }],
      "media:credit": [image.credit],
    });
  });

  test("credits each named author", () => {
    expect(itemAt(newerArticles.authored.path)["dc:creator"]).toEqual([
      "Margaret Talev",
      "Ilya Arkhipov",
    ]);
  });

  test("keeps markup characters of a headline as text", () => {
    expect(itemAt(newerArticles.escaping.path).title).toBe(newerArticles.escaping.headline);
  });

  test("holds no script, event handler, style or javascript: URL", () => {
    for (const item of feed.items) {
      const $ = cheerio.load(item["content:encoded"] ?? "");
      expect($("script, style, iframe, object, embed, form")).toHaveLength(0);
      expect($("[style]")).toHaveLength(0);
      const attributes = $("*")
        .map((_, element) => Object.keys((element as { attribs?: object }).attribs ?? {}))
        .get();
      expect(attributes.filter((name) => name.startsWith("on"))).toEqual([]);
      expect(item["content:encoded"]).not.toMatch(/javascript:/i);
    }
  });

  test("is announced on every page by <link rel=alternate>", async () => {
    for (const page of ["index.html", `${g20Path}index.html`]) {
      const $ = await loadPage(inject("subpathDistDir"), page);
      const link = $('link[rel="alternate"][type="application/rss+xml"]');
      expect(link.attr("href")).toBe(`${site}rss.xml`);
      expect(link.attr("title")).toBe("Broadsheet");
    }
  });
});

describe("the corrections feed, read by a feed parser", () => {
  let corrections: Awaited<ReturnType<Parser<Channel>["parseString"]>>;
  let xml: string;
  beforeAll(async () => {
    xml = await readFile(join(inject("subpathDistDir"), "corrections/rss.xml"), "utf8");
    corrections = await new Parser<Channel>().parseString(xml);
  });

  test("names itself, links the corrections page and itself", () => {
    expect(corrections.title).toBe("Broadsheet: Corrections");
    expect(corrections.link).toBe(`${site}corrections/`);
    expect(corrections.language).toBe("en");
    expect(xml).toContain(
      `<atom:link href="${site}corrections/rss.xml" rel="self" type="application/rss+xml"/>`,
    );
  });

  test("carries every correction newest first, each linked to its entry, which is its guid", () => {
    expect(corrections.items.map(({ link }) => link)).toEqual(
      fixtureCorrections.map(({ article, id }) => new URL(`${article.path}#${id}`, site).href),
    );
    for (const item of corrections.items) expect(item.guid).toBe(item.link);
    expect(corrections.items.map(({ title }) => title)).toEqual(
      fixtureCorrections.map(({ article }) => `Correction: ${article.headline}`),
    );
  });

  test("dates each correction at the start of its day in the article's zone, and gives its text", () => {
    const [second, first] = corrections.items;
    // Midnight in New York (UTC-5) on February 2.
    expect(first?.isoDate).toBe("2016-02-02T05:00:00.000Z");
    expect(first?.contentSnippet).toBe(newerArticles.escaping.corrections[0].text);
    expect(second?.contentSnippet).toBe(newerArticles.escaping.corrections[1].text);
  });
});
