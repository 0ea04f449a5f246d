import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import type { CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { loadPage, readableText } from "../support/html";

const articlePage =
  "articles/2015-11-15/putin-goes-from-g-20-pariah-to-player-at-obama-turkey-talk/index.html";
const sections = [
  { id: "russian-military", text: "Russian Military" },
  { id: "assads-future", text: "Assad’s Future" },
  { id: "higher-stakes", text: "Higher Stakes" },
];

/** The source's lines, each one block of text; "Updated on" is page chrome whose date the source lost. */
const sourceLines = (await readFile(new URL("../fixtures/g20-source.txt", import.meta.url), "utf8"))
  .split("\n")
  .map(readableText)
  .filter((line) => line !== "" && line !== "Updated on");
const bodyStart = sourceLines.indexOf("The Political Implications of the Paris Attacks") + 1;
const bodyEnd = sourceLines.findIndex((line) => line.startsWith("— With assistance by"));
/** The body's lines, then the credits and the update note that end the text. */
const textLines = [
  ...sourceLines.slice(bodyStart, bodyEnd),
  ...sourceLines.slice(bodyEnd).map((line) => line.replace(/^—\s*/, "")),
];

let $: CheerioAPI;
beforeAll(async () => {
  $ = await loadPage(inject("distDir"), articlePage);
});

describe("the article page", () => {
  test("holds everything in one <article> with the headline as its only <h1>", () => {
    expect($("article")).toHaveLength(1);
    expect($("h1")).toHaveLength(1);
    expect($("article h1").text()).toBe(
      "Putin Goes From G-20 Pariah to Player at Obama Turkey Talk",
    );
    expect($("title").text()).toBe(
      "Putin Goes From G-20 Pariah to Player at Obama Turkey Talk — Broadsheet",
    );
  });

  test("has the body's paragraphs and section headings, then the credits and the note, in the source's order, word for word", () => {
    const blocks = $(".article-body")
      .find("p, h2")
      .map((_, element) => readableText($(element).text()))
      .get();
    expect(bodyEnd).toBeGreaterThan(bodyStart);
    expect(textLines).toHaveLength(bodyEnd - bodyStart + 2);
    expect(blocks).toEqual(textLines);
  });

  test("has every line of the source somewhere in the article", () => {
    const articleText = readableText($("article").text());
    for (const line of sourceLines) {
      expect(articleText).toContain(line.replace(/^[•—]\s*/, ""));
    }
  });

  test("lists the summary bullets, the byline and the related item", () => {
    expect(
      $(".article-body > ul.bullets:first-child li")
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual([
      "Meeting on summit sideline first since Russia bombed Syria",
      "Russia seeks collaboration on Syrian war, fighting terrorism",
    ]);
    expect(readableText($("article header .byline").text())).toBe("By Bloomberg News");
    expect(readableText($(".article-body > p.contributors").text())).toBe(
      "With assistance by Robert Hutton, Henry Meyer, Ryan Chilcote, and Stepan Kravchenko",
    );
    expect(readableText($(".related li").text())).toBe(
      "The Political Implications of the Paris Attacks",
    );
    expect($(".article-body > p.update-note:last-child").text()).toBe(
      "(Updates with Putin comment in third paragraph.)",
    );
  });

  test("keeps the bullets, the credits and the note out of header, footer and aside chrome", () => {
    for (const part of [".bullets", ".contributors", ".update-note"]) {
      expect($(part), part).toHaveLength(1);
      expect($(part).closest("header, footer, aside, nav"), part).toHaveLength(0);
    }
  });

  test.each(sections)(
    "gives the section $text the id $id on its h2, whose words are its self-link",
    ({ id, text }) => {
      const heading = $(`#${id}`);
      expect(heading.prop("tagName")).toBe("H2");
      expect(heading.text()).toBe(text);
      expect(heading.parent().is(".article-body")).toBe(true);
      const link = heading.children();
      expect(link).toHaveLength(1);
      expect(link.is(`a.section-link[href="#${id}"]`)).toBe(true);
      expect(link.text()).toBe(text);
    },
  );

  test("links every section from the table of contents, in order", () => {
    const toc = $('nav[aria-labelledby="toc-heading"]');
    expect(toc.find("#toc-heading").text()).toBe("In this article");
    const links = toc
      .find("a")
      .map((_, a) => ({ id: $(a).attr("href")!.slice(1), text: $(a).text() }))
      .get();
    expect(links).toEqual(sections);
  });

  test("gives the published and updated dates as <time datetime>, unshifted by a build west of UTC", () => {
    const times = $("article header time")
      .map((_, time) => ({ datetime: $(time).attr("datetime"), text: $(time).text() }))
      .get();
    expect(times).toEqual([
      { datetime: "2015-11-15", text: "November 15, 2015" },
      { datetime: "2015-11-16", text: "November 16, 2015" },
    ]);
  });

  test("emits only its one optional script, an inline module under 1 KB gzip", () => {
    // The JSON-LD block is data, not a script that runs.
    const scripts = $('script:not([type="application/ld+json"])');
    expect(scripts).toHaveLength(1);
    expect(scripts.attr("type")).toBe("module");
    expect(scripts.attr("src")).toBeUndefined();
    expect(gzipSync(scripts.text()).length).toBeLessThan(1024);
    expect($("[onclick], [onload], [onerror]")).toHaveLength(0);
  });

  test("needs no request but its own: the styles are inline", () => {
    expect($('link[rel="stylesheet"], [src]')).toHaveLength(0);
    expect($("style").text().length).toBeGreaterThan(0);
  });

  test("numbers every top-level body paragraph by position, p-1 on, with no tab stop", () => {
    const paragraphs = $(".article-body > p:not(.contributors, .update-note)");
    expect($(".contributors, .update-note").filter("[id]")).toHaveLength(0);
    expect(paragraphs.length).toBe(16);
    expect(paragraphs.map((_, p) => $(p).attr("id")).get()).toEqual(
      Array.from({ length: 16 }, (_, i) => `p-${i + 1}`),
    );
    expect($("#p-3").text()).toMatch(/^“We offered cooperation in the anti-ISIL coalition/);
    expect($("[tabindex]:not(main)")).toHaveLength(0);
  });

  test("links the update note's “third paragraph” to that paragraph", () => {
    const link = $(".update-note a");
    expect(link.text()).toBe("third paragraph");
    expect(link.attr("href")).toBe("#p-3");
  });

  test("says how long the article takes to read", () => {
    expect($("article header .reading-time").text()).toBe("4 min read");
  });

  test("opens with a skip link to the main landmark, which can take focus", () => {
    const first = $("body").children().first();
    expect(first.is("a.skip-link")).toBe(true);
    expect(first.attr("href")).toBe("#main");
    expect($("main#main").attr("tabindex")).toBe("-1");
    expect($("body > header")).toHaveLength(1);
    expect($("body > footer")).toHaveLength(1);
  });

  test("has its language and a description", () => {
    expect($("html").attr("lang")).toBe("en");
    expect($('meta[name="description"]').attr("content")).toBe(
      "Meeting on summit sideline first since Russia bombed Syria. Russia seeks collaboration on Syrian war, fighting terrorism.",
    );
  });
});

describe("the front page", () => {
  test("links each article by headline, with its bullets and date", async () => {
    const front = await loadPage(inject("distDir"), "index.html");
    const summary = front("main article").first();
    expect(summary.find("h2 a").attr("href")).toBe(
      "/articles/2015-11-15/putin-goes-from-g-20-pariah-to-player-at-obama-turkey-talk/",
    );
    expect(summary.find("h2 a").text()).toBe(
      "Putin Goes From G-20 Pariah to Player at Obama Turkey Talk",
    );
    expect(summary.find("li")).toHaveLength(2);
    expect(summary.find("time").attr("datetime")).toBe("2015-11-15");
    expect(front('script:not([type="application/ld+json"])')).toHaveLength(0);
  });
});

describe("the 404 page", () => {
  test("says the page was not found and links home", async () => {
    const page = await loadPage(inject("distDir"), "404.html");
    expect(page("h1").text()).toBe("Page not found");
    expect(page("main a").attr("href")).toBe("/");
  });
});
