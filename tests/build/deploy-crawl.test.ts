import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { crawl, type CrawlResult } from "../support/crawl";
import { subpathSite } from "../support/global-build";
import { newerArticles } from "../support/publishing-fixture";
import { serveStatic, type StaticServer } from "../../src/cli/serve-static";

const publicUrl = `${subpathSite.SITE_URL}${subpathSite.BASE_PATH}`;

let server: StaticServer;
let result: CrawlResult;
beforeAll(async () => {
  server = await serveStatic(inject("subpathDistDir"), { base: subpathSite.BASE_PATH });
  // From the front page; robots.txt, which no page links, names the sitemap;
  // an article's former URL, which only old links elsewhere lead to.
  result = await crawl(server.url, publicUrl, [
    "",
    "robots.txt",
    newerArticles.authored.formerPath,
  ]);
  console.log(
    `crawl of ${publicUrl}: ${result.pages.length} pages, ${result.fetched.length} URLs fetched, ` +
      `${result.references.length} links checked, ${result.external.length} external, ` +
      `${result.broken.length} broken`,
  );
});
afterAll(() => server.close());

describe("the site built for https://news.example.org/reader/, served under /reader/", () => {
  test("answers 404 outside /reader/, as a project site's host does", async () => {
    for (const path of ["/", "/index.html", "/rss.xml", "/articles/2015-11-15/"]) {
      expect((await fetch(`${server.origin}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(server.url)).status).toBe(200);
  });

  test("has no broken link, asset, feed or sitemap URL, and no missing #fragment", () => {
    expect(result.broken).toEqual([]);
  });

  test("reaches every page of the build, the feed, the sitemaps and the social cards", async () => {
    const dist = inject("subpathDistDir");
    // Every file but the host's own (_headers), the 404 page, which only a
    // missing URL shows, and the search index, which the search page's script
    // fetches as a query needs it (tests/browser/search.test.ts follows it).
    const built = (await readdir(dist, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dist, join(entry.parentPath, entry.name)))
      .filter((file) => file !== "_headers" && file !== "404.html" && !file.startsWith("pagefind/"))
      .map((file) => new URL(file.replace(/(^|\/)index\.html$/, "$1"), publicUrl).href)
      .sort();
    expect(built.length).toBeGreaterThan(100);
    expect(result.fetched).toEqual(built);
  });

  test("checks links of every kind: pages, fragments, assets, cards, feed items, sitemap entries", () => {
    const kinds = new Set(result.references.map((reference) => reference.via));
    for (const via of [
      "a[href]",
      "link[href]",
      "img[src]",
      "og:image",
      "JSON-LD image",
      "JSON-LD correctionsPolicy",
      "rss item link",
      "rss content a[href]",
      "sitemap loc",
      "sitemap index loc",
      "robots.txt Sitemap",
      "meta refresh",
    ]) {
      expect(kinds, via).toContain(via);
    }
    expect(
      result.references.filter((reference) => reference.to.includes("#")).length,
    ).toBeGreaterThan(50);
  });

  test("keeps every link of the site under /reader/", () => {
    for (const reference of result.references) {
      expect(new URL(reference.to).pathname, JSON.stringify(reference)).toMatch(/^\/reader\//);
    }
  });
});
