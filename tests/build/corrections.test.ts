import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { CheerioAPI } from "cheerio";
import Parser from "rss-parser";
import type { NewsArticle, WithContext } from "schema-dts";
import { describe, expect, inject, test } from "vitest";
import { subpathSite } from "../support/global-build";
import { loadPage, readableText } from "../support/html";
import { fixtureCorrections, g20Path, newerArticles } from "../support/publishing-fixture";

const site = `${subpathSite.SITE_URL}${subpathSite.BASE_PATH}`;
const { escaping } = newerArticles;

const load = (path: string) => loadPage(inject("subpathDistDir"), `${path}index.html`);

function jsonLd($: CheerioAPI): WithContext<NewsArticle> {
  return JSON.parse($('script[type="application/ld+json"]').text()) as WithContext<NewsArticle>;
}

describe("a corrected article's page", () => {
  test("ends its text with the record, oldest first, each entry at its own anchor", async () => {
    const $ = await load(escaping.path);
    const record = $(".article-body > section.corrections");
    expect(record.attr("aria-labelledby")).toBe("corrections");
    expect(record.find("h2#corrections").text()).toBe("Corrections");
    const entries = record.find("ol > li");
    expect(entries.map((_, li) => $(li).attr("id")).get()).toEqual([
      "correction-2016-02-02",
      "correction-2016-02-02-2",
    ]);
    expect(readableText(entries.eq(0).text())).toBe(
      `February 2, 2016: ${escaping.corrections[0].text} (In the first paragraph.)`,
    );
    expect(entries.eq(0).find("time").attr("datetime")).toBe("2016-02-02");
    expect(readableText(entries.eq(1).text())).toBe(
      `February 2, 2016: ${escaping.corrections[1].text}`,
    );
    expect(record.find('a[href="/reader/corrections/"]').text()).toBe("All corrections");
  });

  test("links the paragraph a correction concerns, which the page has", async () => {
    const $ = await load(escaping.path);
    const link = $("#correction-2016-02-02 a");
    expect(link.attr("href")).toBe("#p-1");
    expect(link.text()).toBe("first paragraph");
    expect($("#p-1").text()).toBe("Prices fell & rose.");
  });

  test("says beside its dates when it was last corrected, linking the record", async () => {
    const $ = await load(escaping.path);
    const corrected = $(".article-dates p").filter((_, line) =>
      $(line).text().startsWith("Corrected"),
    );
    expect(readableText(corrected.text())).toBe("Corrected February 2, 2016");
    expect(corrected.find("a").attr("href")).toBe("#corrections");
    expect(corrected.find("time").attr("datetime")).toBe("2016-02-02");
  });

  test("dates its last change at its latest correction, in the JSON-LD and Open Graph, and lists each correction", async () => {
    const $ = await load(escaping.path);
    const data = jsonLd($);
    expect(data.datePublished).toBe("2016-02-01T00:00:00-05:00");
    expect(data.dateModified).toBe("2016-02-02T00:00:00-05:00");
    expect($('meta[property="article:modified_time"]').attr("content")).toBe(
      "2016-02-02T00:00:00-05:00",
    );
    expect(data.correction).toEqual(
      escaping.corrections.map(({ text }) => ({
        "@type": "CorrectionComment",
        text,
        datePublished: "2016-02-02T00:00:00-05:00",
      })),
    );
  });

  test("carries the record in its feed item too", async () => {
    const parser = new Parser<object, { "content:encoded"?: string }>();
    const feed = await parser.parseString(
      await readFile(join(inject("subpathDistDir"), "rss.xml"), "utf8"),
    );
    const item = feed.items.find(({ link }) => link === `${site}${escaping.path}`);
    const html = item?.["content:encoded"] ?? "";
    expect(html).toContain("<h2>Corrections</h2>");
    expect(html).toContain(`(In the <a href="${site}${escaping.path}#p-1">first paragraph</a>.)`);
  });
});

describe("an article never corrected", () => {
  test("has no record and no “Corrected” date", async () => {
    const $ = await load(g20Path);
    expect($(".corrections, #corrections, [id^='correction-']")).toHaveLength(0);
    expect($(".article-dates").text()).not.toContain("Corrected");
    expect(jsonLd($)).not.toHaveProperty("correction");
  });
});

describe("the corrections page", () => {
  test("lists every correction, newest first: headline linked to the entry, date, text", async () => {
    const $ = await load("corrections/");
    expect($("h1").text()).toBe("Corrections");
    const rows = $(".correction-list > li")
      .map((_, li) => ({
        href: $(li).children("a").attr("href"),
        headline: $(li).children("a").text(),
        date: $(li).find("> .when > time").attr("datetime"),
      }))
      .get();
    expect(rows).toEqual(
      fixtureCorrections.map(({ article, id, date }) => ({
        href: `/reader/${article.path}#${id}`,
        headline: article.headline,
        date,
      })),
    );
    expect($(".correction-list > li > p:not(.when)").first().text()).toBe(
      escaping.corrections[1].text,
    );
  });

  test("links entries that are there, on the article pages", async () => {
    for (const { article, id } of fixtureCorrections) {
      const $ = await load(article.path);
      expect($(`li[id="${id}"]`), `${article.path}#${id}`).toHaveLength(1);
    }
  });

  test("announces its own feed", async () => {
    const $ = await load("corrections/");
    const link = $('link[rel="alternate"][href$="corrections/rss.xml"]');
    expect(link.attr("href")).toBe(`${site}corrections/rss.xml`);
    expect(link.attr("title")).toBe("Broadsheet: Corrections");
    expect($(`a[href="${site}corrections/rss.xml"]`)).toHaveLength(1);
  });

  test("says so when no article has been corrected", async () => {
    const $ = await loadPage(inject("distDir"), "corrections/index.html");
    expect($(".correction-list")).toHaveLength(0);
    expect($("main p").last().text()).toBe("No article has been corrected.");
  });
});
