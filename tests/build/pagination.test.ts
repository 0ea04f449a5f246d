import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CheerioAPI } from "cheerio";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeSyntheticArticles } from "../support/synthetic-articles";
import { buildSite, type BuildResult } from "../support/build";
import { htmlPages, loadPage } from "../support/html";
import { ONE_ROUND_TRIP_BYTES, weighPage } from "../support/page-weight";

// 45 articles at 20 a page: two full pages and a last one of 5.
const ARTICLES = 45;
let contentDir: string;
let result: BuildResult;

beforeAll(async () => {
  contentDir = await mkdtemp(join(tmpdir(), "broadsheet-content-"));
  await writeSyntheticArticles(contentDir, ARTICLES);
  result = await buildSite({ CONTENT_DIR: contentDir });
  expect(result.exitCode, result.output).toBe(0);
});
afterAll(async () => {
  await rm(contentDir, { recursive: true, force: true });
  await rm(result.workDir, { recursive: true, force: true });
});

const page = (path: string): Promise<CheerioAPI> => loadPage(result.outDir, path);
const summaries = ($: CheerioAPI) => $("main .article-list > li").length;
const relLink = ($: CheerioAPI, rel: string) => $(`head link[rel="${rel}"]`).attr("href");

describe("the paginated front page", () => {
  test("splits the archive into pages of 20, newest first, with page 1 at the front page", async () => {
    const pages = await Promise.all(
      ["index.html", "page/2/index.html", "page/3/index.html"].map(page),
    );
    expect(pages.map(summaries)).toEqual([20, 20, 5]);
    const dates = pages.flatMap(($) =>
      $("main .article-list time")
        .map((_, time) => $(time).attr("datetime")!)
        .get(),
    );
    expect(dates).toHaveLength(ARTICLES);
    expect(dates).toEqual([...dates].sort().reverse());
    expect((await htmlPages(result.outDir)).filter((p) => p.startsWith("page/"))).toEqual([
      "page/2/index.html",
      "page/3/index.html",
    ]);
  });

  test("links the pages in sequence with rel prev and next", async () => {
    const [first, second, last] = await Promise.all(
      ["index.html", "page/2/index.html", "page/3/index.html"].map(page),
    );
    expect([relLink(first!, "prev"), relLink(first!, "next")]).toEqual([undefined, "/page/2/"]);
    expect([relLink(second!, "prev"), relLink(second!, "next")]).toEqual(["/", "/page/3/"]);
    expect([relLink(last!, "prev"), relLink(last!, "next")]).toEqual(["/page/2/", undefined]);
    expect(second!('nav.pager a[rel="prev"]').attr("href")).toBe("/");
    expect(second!('nav.pager a[rel="next"]').attr("href")).toBe("/page/3/");
  });

  test("numbers the pages and marks the current one", async () => {
    const $ = await page("page/2/index.html");
    const numbers = $("nav.pager li a")
      .map((_, a) => [[$(a).text().trim(), $(a).attr("href"), $(a).attr("aria-current") ?? ""]])
      .get();
    expect(numbers).toEqual([
      ["1", "/", ""],
      ["2", "/page/2/", "page"],
      ["3", "/page/3/", ""],
    ]);
    expect($("title").text()).toBe("Page 2 of 3 — Broadsheet");
  });

  test("keeps every page, list and article alike, within one round trip", async () => {
    const pages = await htmlPages(result.outDir);
    // The articles, the front page, pages 2 and 3, the 404 page and the search page.
    expect(pages.length).toBe(ARTICLES + 5);
    for (const path of pages) {
      const { totalBytes } = await weighPage(result.outDir, path);
      expect(totalBytes, `${path}: ${totalBytes} bytes gzip`).toBeLessThanOrEqual(
        ONE_ROUND_TRIP_BYTES,
      );
    }
  });
});
