import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import * as cheerio from "cheerio";
import type { CheerioAPI } from "cheerio";
import Parser from "rss-parser";
import { describe, expect, inject, test } from "vitest";
import { subpathSite } from "../support/global-build";
import { loadPage, readableText } from "../support/html";
import { fixtureArticlePaths, g20Path, newerArticles } from "../support/publishing-fixture";

const g20 = (path: string) => loadPage(inject("distDir"), `${path}index.html`);
const reader = (path: string) => loadPage(inject("subpathDistDir"), `${path}index.html`);
const site = `${subpathSite.SITE_URL}${subpathSite.BASE_PATH}`;
const g20Headline = "Putin Goes From G-20 Pariah to Player at Obama Turkey Talk";
const topics = ["G-20", "Russia", "United States", "Syrian War", "Islamic State"];
const topicSlugs = ["g-20", "russia", "united-states", "syrian-war", "islamic-state"];
const contributors = ["Robert Hutton", "Henry Meyer", "Ryan Chilcote", "Stepan Kravchenko"];

/** The links of an element: text and address. */
const links = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, a) => [[readableText($(a).text()), $(a).attr("href")]])
    .get() as unknown as [string, string][];

/** The articles a list page lists: headline, link and date. */
const listed = ($: CheerioAPI) =>
  $("main .article-index li")
    .map((_, li) => [
      [
        readableText($(li).find("a").text()),
        $(li).find("a").attr("href"),
        $(li).find("time").attr("datetime"),
      ],
    ])
    .get() as unknown as [string, string, string][];

describe("the G-20 article's ways into the archive", () => {
  test("links each of its topics to the topic's page, in the editor's order", async () => {
    const $ = await g20(g20Path);
    expect(readableText($("#topics-heading").text())).toBe("Topics");
    expect(links($, "aside.topics a")).toEqual(
      topics.map((topic, i) => [topic, `/topics/${topicSlugs[i]}/`]),
    );
  });

  test("declares its topics as article:tag and as the JSON-LD's keywords", async () => {
    const $ = await g20(g20Path);
    const tags = $('meta[property="article:tag"]')
      .map((_, meta) => $(meta).attr("content"))
      .get();
    expect(tags).toEqual(topics);
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as {
      keywords: string[];
    };
    expect(jsonLd.keywords).toEqual(topics);
  });

  test("links each contributor in the credit line to their page, in the credit's words", async () => {
    const $ = await g20(g20Path);
    expect(readableText($(".byline").text())).toBe("By Bloomberg News");
    expect(readableText($(".contributors").text())).toBe(
      "With assistance by Robert Hutton, Henry Meyer, Ryan Chilcote, and Stepan Kravchenko",
    );
    expect(links($, ".contributors a")).toEqual(
      contributors.map((name) => [name, `/people/${name.toLowerCase().replace(" ", "-")}/`]),
    );
  });

  test("links its publication date to the archive's page of that day", async () => {
    const $ = await g20(g20Path);
    const published = $(".article-dates a");
    expect(published).toHaveLength(1);
    expect(published.attr("href")).toBe("/archive/2015/11/15/");
    expect(published.find("time").attr("datetime")).toBe("2015-11-15");
  });
});

describe("the G-20 site's browsing pages", () => {
  test("Robert Hutton's page lists the G-20 article", async () => {
    const $ = await g20("people/robert-hutton/");
    expect($("title").text()).toBe("Robert Hutton — Broadsheet");
    expect($("h1").text()).toBe("Robert Hutton");
    expect(listed($)).toEqual([[g20Headline, `/${g20Path}`, "2015-11-15"]]);
  });

  test("every contributor has a page that lists it", async () => {
    for (const name of contributors) {
      const $ = await g20(`people/${name.toLowerCase().replace(" ", "-")}/`);
      expect(
        listed($).map(([headline]) => headline),
        name,
      ).toEqual([g20Headline]);
    }
  });

  test("each topic has a page that lists it, linked to its feed", async () => {
    for (const [i, topic] of topics.entries()) {
      const $ = await g20(`topics/${topicSlugs[i]}/`);
      expect($("h1").text()).toBe(topic);
      expect($("title").text()).toBe(`${topic} — Broadsheet`);
      expect(listed($)).toEqual([[g20Headline, `/${g20Path}`, "2015-11-15"]]);
      expect(links($, "nav.breadcrumbs a")).toEqual([["Topics", "/topics/"]]);
      const feed = $('head link[rel="alternate"][type="application/rss+xml"]');
      expect(feed.map((_, link) => $(link).attr("href")).get()).toEqual([
        "http://localhost:4321/rss.xml",
        `http://localhost:4321/topics/${topicSlugs[i]}/rss.xml`,
      ]);
      expect(feed.last().attr("title")).toBe(`Broadsheet: ${topic}`);
    }
  });

  test("the topics index lists every topic A to Z, with its count", async () => {
    const $ = await g20("topics/");
    expect($("h1").text()).toBe("Topics");
    const rows = $("main li")
      .map((_, li) => [
        [$(li).find("a").text(), $(li).find("a").attr("href"), $(li).find("span").text()],
      ])
      .get() as unknown as string[][];
    expect(rows).toEqual(
      [...topics]
        .sort()
        .map((topic) => [topic, `/topics/${topicSlugs[topics.indexOf(topic)]}/`, "1 article"]),
    );
  });

  test("the archive has pages for the day, the month and the year, each listing it", async () => {
    for (const [path, heading, trail] of [
      ["archive/2015/11/15/", "November 15, 2015", ["Archive", "2015", "November 2015"]],
      ["archive/2015/11/", "November 2015", ["Archive", "2015"]],
      ["archive/2015/", "2015", ["Archive"]],
    ] as const) {
      const $ = await g20(path);
      expect($("h1").text(), path).toBe(heading);
      expect($("title").text()).toBe(`Archive: ${heading} — Broadsheet`);
      expect(listed($)).toEqual([[g20Headline, `/${g20Path}`, "2015-11-15"]]);
      expect(links($, "nav.breadcrumbs a").map(([label]) => label)).toEqual(trail);
      expect($('nav.breadcrumbs [aria-current="page"]').text()).toBe(heading);
    }
  });

  test("the archive index lists years and months with their counts", async () => {
    const $ = await g20("archive/");
    expect($("h1").text()).toBe("Archive");
    const text = (selector: string) =>
      $(selector)
        .map((_, element) => readableText($(element).text()))
        .get();
    expect(text("main section h2")).toEqual(["2015 1 article"]);
    expect(text("main section li")).toEqual(["November 2015 1 article"]);
    expect(links($, "main section a")).toEqual([
      ["2015", "/archive/2015/"],
      ["November 2015", "/archive/2015/11/"],
    ]);
  });

  test("the front page links to the archive and the topics, and no numbered pages are left", async () => {
    const $ = await g20("");
    expect(links($, "nav.more-articles a")).toEqual([
      ["Archive by date", "/archive/"],
      ["Topics", "/topics/"],
    ]);
    const files = await readdir(inject("distDir"));
    expect(files).not.toContain("page");
  });
});

describe("the browsing pages of the 53-article site under /reader/", () => {
  test("a topic's page lists its articles newest first, under the base path", async () => {
    const $ = await reader("topics/russia/");
    expect(listed($).map(([, href]) => href)).toEqual([
      `/reader/${newerArticles.authored.path}`,
      `/reader/${g20Path}`,
    ]);
  });

  test("a person's page lists what they wrote and what they helped with", async () => {
    const $ = await reader("people/henry-meyer/");
    expect(listed($).map(([, href]) => href)).toEqual([
      `/reader/${newerArticles.authored.path}`,
      `/reader/${g20Path}`,
    ]);
    expect(listed(await reader("people/margaret-talev/")).map(([, href]) => href)).toEqual([
      `/reader/${newerArticles.authored.path}`,
    ]);
    const authored = await reader(newerArticles.authored.path);
    expect(links(authored, ".byline a")).toEqual([
      ["Margaret Talev", "/reader/people/margaret-talev/"],
      ["Ilya Arkhipov", "/reader/people/ilya-arkhipov/"],
    ]);
    expect(links(authored, ".contributors a")).toEqual([
      ["Henry Meyer", "/reader/people/henry-meyer/"],
    ]);
  });

  test("the front page shows the lead and the next 10 newest, and carries on at the month of the 11th", async () => {
    const $ = await reader("");
    expect($("main .article-list > li")).toHaveLength(10);
    // The 11th newest is a diary day of February 2014.
    expect(fixtureArticlePaths[10]).toMatch(/^articles\/2014-02-/);
    expect(links($, "nav.more-articles a")).toEqual([
      ["Older articles: February 2014", "/reader/archive/2014/02/"],
      ["Archive by date", "/reader/archive/"],
      ["Topics", "/reader/topics/"],
    ]);
  });

  test("the archive index counts the articles of each year", async () => {
    const $ = await reader("archive/");
    const years = $("main section h2")
      .map((_, h2) => readableText($(h2).text()))
      .get();
    expect(years).toEqual(["2016 3 articles", "2015 1 article", "2014 49 articles"]);
  });

  test("a topic's feed, read by a feed parser, carries its articles in full, newest first", async () => {
    const xml = await readFile(join(inject("subpathDistDir"), "topics/syrian-war/rss.xml"), "utf8");
    const feed = await new Parser<object, { "content:encoded"?: string }>().parseString(xml);
    expect(feed.title).toBe("Broadsheet: Syrian War");
    expect(feed.link).toBe(`${site}topics/syrian-war/`);
    expect(xml).toContain(
      `<atom:link href="${site}topics/syrian-war/rss.xml" rel="self" type="application/rss+xml"/>`,
    );
    expect(feed.items.map((item) => item.link)).toEqual([
      `${site}${newerArticles.authored.path}`,
      `${site}${g20Path}`,
    ]);
    const $ = cheerio.load(feed.items[1]!["content:encoded"] ?? "");
    // The whole article: the bullets, the body, then the credits and the update note.
    expect($("ul").first().text()).toContain(
      "Meeting on summit sideline first since Russia bombed Syria",
    );
    expect($("p").first().text()).toMatch(/^The sidelines of summits are full of talks/);
    expect($("p").text()).toContain("“in the interests of mutual cooperation.”");
    expect($("p").last().text()).toBe("(Updates with Putin comment in third paragraph.)");
    expect($(".section-link")).toHaveLength(0);
  });

  test("the sitemap lists the topics, people and archive pages", async () => {
    const sitemap = await readFile(join(inject("subpathDistDir"), "sitemap-0.xml"), "utf8");
    for (const path of [
      "archive/",
      "archive/2015/",
      "archive/2015/11/",
      "archive/2015/11/15/",
      "topics/",
      "topics/syrian-war/",
      "people/robert-hutton/",
      "people/margaret-talev/",
    ]) {
      expect(sitemap, path).toContain(`<loc>${site}${path}</loc>`);
    }
  });
});
