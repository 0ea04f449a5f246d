import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type { CheerioAPI } from "cheerio";
import { describe, expect, inject, test } from "vitest";
import { findW3m } from "../../src/cli/install-w3m";
import { mapLimited } from "../../src/lib/concurrency";
import { site } from "../../src/site.config";
import { htmlPages, loadPage } from "../support/html";
import { g20Path } from "../support/publishing-fixture";

/*
 * Every page read without CSS, as a text browser (w3m), a reader mode or a
 * page saved as text shows it: the header's items, the dates and the table
 * of contents each a word apart and on a line of their own, once each.
 */

const w3m = findW3m();

/** A page as `w3m -dump` prints it: its lines, trimmed, the empty ones left out. */
async function dump(distDir: string, page: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(w3m!, [
    ...["-dump", "-T", "text/html", "-cols", "100", "-I", "UTF-8", "-O", "UTF-8"],
    join(distDir, page),
  ]);
  return stdout
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** A list item's line without its marker: "• Topics" and "2. Assad’s Future" are "Topics" and "Assad’s Future". */
const item = (line: string) => line.replace(/^(?:[•*□-]|\d+\.)\s+/, "");

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The header's lines: the skip link, the site's name, then the four ways to browse. */
const HEADER = ["Skip to content", site.name, "Topics", "People", "Archive", "Search"];

function expectHeader(lines: readonly string[], page: string): void {
  const start = lines.indexOf("Skip to content");
  expect(start, `${page}: no skip link line`).toBeGreaterThanOrEqual(0);
  expect(lines.slice(start, start + HEADER.length).map(item), page).toEqual(HEADER);
  // Nothing of the header before it, but for the note of a page that refreshes.
  expect(
    lines.slice(0, start).every((line) => line.startsWith("Refresh (")),
    page,
  ).toBe(true);
}

/**
 * Each date (every `<time>`'s text) shows as often as the page's text has
 * it, nothing hidden showing it again, and a word apart from its neighbours
 * each time.
 */
function expectDates($: CheerioAPI, text: string, page: string): void {
  const body = $("body").clone();
  body.find("script, style, template").remove();
  const pageText = body.text();
  const dates = new Set(
    $("time")
      .map((_, time) => $(time).text())
      .get(),
  );
  for (const date of dates) {
    const alone = new RegExp(`(?<=^|\\s)${escape(date)}(?=$|\\s|[.,;:])`, "gm");
    const anywhere = new RegExp(escape(date), "g");
    const count = pageText.match(anywhere)?.length ?? 0;
    expect(text.match(anywhere)?.length ?? 0, `${page}: “${date}”`).toBe(count);
    expect(text.match(alone)?.length ?? 0, `${page}: “${date}” runs into the words beside it`).toBe(
      count,
    );
  }
}

/** The table of contents: its heading once, then each section on its own numbered line. */
function expectTableOfContents($: CheerioAPI, lines: readonly string[], page: string): void {
  const sections = $("nav.toc li a")
    .map((_, a) => $(a).text())
    .get();
  if (sections.length === 0) return;
  expect(
    lines.filter((line) => line === "In this article"),
    page,
  ).toHaveLength(1);
  const start = lines.indexOf("In this article") + 1;
  expect(lines.slice(start, start + sections.length), page).toEqual(
    sections.map((section, index) => `${index + 1}. ${section}`),
  );
}

describe.skipIf(!w3m).each([
  ["the G-20 site", "distDir"],
  ["the 53-article site under /reader/", "subpathDistDir"],
] as const)("every page of %s, read in w3m", (_, build) => {
  test("reads the header, the dates and the table of contents as separate words and lines, once each", async () => {
    const distDir = inject(build);
    const pages = await htmlPages(distDir);
    const read = await mapLimited(pages, 4, async (page) => ({
      page,
      lines: await dump(distDir, page),
      $: await loadPage(distDir, page),
    }));
    for (const { page, lines, $ } of read) {
      expectHeader(lines, page);
      expectDates($, lines.join("\n"), page);
      expectTableOfContents($, lines, page);
    }
    // Every kind of page was read.
    const kinds = [
      /^index\.html$/,
      /^articles\/[^/]+\/[^/]+\/index\.html$/,
      /^archive\/index\.html$/,
      /^archive\/\d{4}\/\d{2}\/\d{2}\/index\.html$/,
      /^topics\/index\.html$/,
      /^topics\/[^/]+\/index\.html$/,
      /^people\/index\.html$/,
      /^people\/[^/]+\/index\.html$/,
      /^search\/index\.html$/,
      /^about\/corrections\/index\.html$/,
      /^404\.html$/,
    ];
    for (const kind of kinds)
      expect(
        pages.some((page) => kind.test(page)),
        String(kind),
      ).toBe(true);
  });
});

describe.skipIf(!w3m)("the G-20 article, read in w3m", () => {
  test("prints each date on a line of its own, and the contents' heading once", async () => {
    const lines = await dump(inject("distDir"), `${g20Path}index.html`);
    expect(lines).toContain("Published November 15, 2015");
    expect(lines).toContain("Updated November 16, 2015");
    expect(lines.filter((line) => line.includes("In this article"))).toEqual(["In this article"]);
    expect(lines.slice(0, HEADER.length).map(item)).toEqual(HEADER);
  });
});

test("w3m is there to read the pages with (npm test installs it)", () => {
  expect(w3m, "no w3m: run `node src/cli/install-w3m.ts`").toBeDefined();
});
