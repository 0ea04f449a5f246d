import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Readability } from "@mozilla/readability";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { readableText } from "../support/html";
import { newerArticles } from "../support/publishing-fixture";

const articlePage =
  "articles/2015-11-15/putin-goes-from-g-20-pariah-to-player-at-obama-turkey-talk/index.html";
const headline = "Putin Goes From G-20 Pariah to Player at Obama Turkey Talk";

/** Lines of the source that are its page's chrome, not the article: a bare label and the related video's title. */
const exempt = new Set(["Updated on", "The Political Implications of the Paris Attacks"]);

const source = await readFile(new URL("../fixtures/g20-source.txt", import.meta.url), "utf8");

/** Every sentence of the source's article, its bullet and dash marks dropped. */
const sourceSentences = source
  .split("\n")
  .map((line) => readableText(line).replace(/^[•—]\s*/, ""))
  .filter((line) => line !== "" && !exempt.has(line))
  .flatMap((line) =>
    [...new Intl.Segmenter("en", { granularity: "sentence" }).segment(line)].map(({ segment }) =>
      readableText(segment),
    ),
  );

const words = (text: string) => text.split(/\s+/).filter((word) => word !== "").length;

/** What Firefox's Reader View makes of a page: Mozilla Readability, in jsdom. */
function readerView(html: string) {
  const { document } = new JSDOM(html, { url: "https://news.example.org/article/" }).window;
  const article = new Readability(document).parse();
  if (!article) throw new Error("Readability found no article");
  const text = readableText(`${article.title ?? ""}\n${article.textContent ?? ""}`);
  return {
    title: article.title,
    missing: sourceSentences.filter((sentence) => !text.includes(sentence)),
    wordRatio: words(text) / words(source),
  };
}

let html: string;
beforeAll(async () => {
  html = await readFile(join(inject("distDir"), articlePage), "utf8");
});

describe("the article page in Reader View (Mozilla Readability)", () => {
  test("the source has the sentences the check looks for", () => {
    expect(sourceSentences.length).toBeGreaterThanOrEqual(40);
    expect(sourceSentences).toContain("Assad’s Future");
    expect(sourceSentences).toContain("(Updates with Putin comment in third paragraph.)");
  });

  test("keeps every sentence: body, headings, bullets, contributors and update note", () => {
    expect(readerView(html).missing).toEqual([]);
  });

  test("takes the headline as the title", () => {
    expect(readerView(html).title).toBe(headline);
  });

  test("adds at most 15% more words than the source: little of the page's chrome comes along", () => {
    const { wordRatio } = readerView(html);
    expect(wordRatio).toBeGreaterThan(0.9);
    expect(wordRatio).toBeLessThanOrEqual(1.15);
  });

  test("would catch the old markup: a link-dense wrapper round a heading, the note in a <footer>", () => {
    const { document } = new JSDOM(html).window;
    const heading = document.getElementById("assads-future")!;
    const wrapper = document.createElement("div");
    const link = document.createElement("a");
    link.href = "#assads-future";
    link.textContent = "# Link to section: Assad’s Future";
    heading.textContent = "Assad’s Future";
    heading.replaceWith(wrapper);
    wrapper.append(heading, link);
    const footer = document.createElement("footer");
    footer.append(document.querySelector(".update-note")!);
    document.querySelector("article")!.append(footer);

    expect(readerView(document.documentElement.outerHTML).missing).toEqual([
      "Assad’s Future",
      "(Updates with Putin comment in third paragraph.)",
    ]);
  });
});

describe("an article with pictures in Reader View (Mozilla Readability)", () => {
  test("keeps the lead picture with its caption and credit, and the body's figures", async () => {
    const page = await readFile(
      join(inject("subpathDistDir"), newerArticles.authored.path, "index.html"),
      "utf8",
    );
    const { document } = new JSDOM(page, { url: "https://news.example.org/reader/" }).window;
    const article = new Readability(document).parse();
    if (!article?.content) throw new Error("Readability found no article");
    const kept = new JSDOM(article.content).window.document;
    const { image, figure } = newerArticles.authored;
    const figures = [...kept.querySelectorAll("figure")];
    expect(figures.map((each) => each.querySelector("img")?.getAttribute("alt"))).toEqual([
      image.alt,
      figure.alt,
      "A street in Paris before the talks",
    ]);
    expect(readableText(figures[0]!.querySelector("figcaption")?.textContent ?? "")).toBe(
      `${image.caption} ${image.credit}`,
    );
    // The picture comes with a source Reader View can load.
    expect(figures[0]!.querySelector("img")?.getAttribute("src")).toMatch(/\/_astro\/paris\./);
  });
});
