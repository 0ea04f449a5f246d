import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import type { NewsArticle } from "schema-dts";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { buildSite, makeWorkDir, runBuildCommand, type BuildResult } from "../support/build";
import { subpathSite } from "../support/global-build";
import { loadPage } from "../support/html";
import { newerArticles, writePublishingFixture } from "../support/publishing-fixture";

const site = `${subpathSite.SITE_URL}${subpathSite.BASE_PATH}`;
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });

/** The escaping article was published at midnight in New York, 05:00 UTC; the build is a day later. */
const published = "2016-02-01T00:00:00-05:00";
const dayLater = Date.parse(published) / 1000 + 24 * 60 * 60;

interface NewsEntry {
  loc: string;
  "news:news": {
    "news:publication": { "news:name": string; "news:language": string };
    "news:publication_date": string;
    "news:title": string;
  };
}

/** A value a parsed XML node holds once or many times (or not at all), as a list. */
const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

async function readNewsSitemap(dist: string) {
  const parsed = parser.parse(await readFile(join(dist, "news-sitemap.xml"), "utf8"));
  return { urlset: parsed.urlset, urls: list<NewsEntry>(parsed.urlset.url) };
}

let build: BuildResult;
let contentDir: string;
beforeAll(async () => {
  contentDir = await mkdtemp(join(tmpdir(), "broadsheet-news-"));
  await writePublishingFixture(contentDir);
  build = await buildSite({
    ...subpathSite,
    CONTENT_DIR: contentDir,
    SOURCE_DATE_EPOCH: String(dayLater),
  });
  expect(build.exitCode, build.output).toBe(0);
}, 300_000);
afterAll(async () => {
  await rm(contentDir, { recursive: true, force: true });
  if (build) await rm(build.workDir, { recursive: true, force: true });
});

describe("the news sitemap, built a day after an article", () => {
  test("is Google's news sitemap, listing that article and no other", async () => {
    const { urlset, urls } = await readNewsSitemap(build.outDir);
    expect(urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(urlset["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    expect(urls.map(({ loc }) => loc)).toEqual([`${site}${newerArticles.escaping.path}`]);
  });

  test("gives the article's title, date and publication as its page does", async () => {
    const [entry] = (await readNewsSitemap(build.outDir)).urls;
    const $ = await loadPage(build.outDir, `${newerArticles.escaping.path}index.html`);
    const data = JSON.parse($('script[type="application/ld+json"]').text()) as NewsArticle;
    expect(entry!["news:news"]).toEqual({
      "news:publication": { "news:name": "Broadsheet", "news:language": "en" },
      "news:publication_date": published,
      "news:title": newerArticles.escaping.headline,
    });
    expect(data.datePublished).toBe(published);
    expect(data.headline).toBe(newerArticles.escaping.headline);
    expect($('meta[property="og:site_name"]').attr("content")).toBe("Broadsheet");
    expect($("html").attr("lang")).toBe("en");
  });

  test("escapes the headline's markup in the file itself", async () => {
    const xml = await readFile(join(build.outDir, "news-sitemap.xml"), "utf8");
    expect(xml).toContain(
      `<news:title>Markets &amp; Mayhem: &lt;Live&gt; "Coverage" &lt;/script&gt;</news:title>`,
    );
  });
});

describe("the news sitemap with nothing in its two days", () => {
  test("is still an empty, valid urlset, in the shared builds made today", async () => {
    for (const dist of [inject("distDir"), inject("subpathDistDir")]) {
      const { urlset, urls } = await readNewsSitemap(dist);
      expect(urlset["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
      expect(urls).toEqual([]);
    }
  });
});

describe("robots.txt", () => {
  test("names the news sitemap beside the sitemap index", async () => {
    const robots = await readFile(join(build.outDir, "robots.txt"), "utf8");
    expect(robots).toBe(
      `User-agent: *\nDisallow:\n\n` +
        `Sitemap: ${site}sitemap-index.xml\nSitemap: ${site}news-sitemap.xml\n`,
    );
  });
});

describe("a malformed SOURCE_DATE_EPOCH", () => {
  const message =
    'SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 00:00 UTC, such as 1447581600, but it is "2016-02-02"';

  test("stops npm run build before it builds anything, naming the variable", async () => {
    const work = await makeWorkDir();
    const result = await runBuildCommand(join(work, "dist"), {
      CONTENT_DIR: contentDir,
      SOURCE_DATE_EPOCH: "2016-02-02",
    });
    await rm(work, { recursive: true, force: true });
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toContain(message);
    expect(result.output).not.toContain("generating static routes");
  });

  test("stops astro build too", async () => {
    const result = await buildSite({ CONTENT_DIR: contentDir, SOURCE_DATE_EPOCH: "2016-02-02" });
    await rm(result.workDir, { recursive: true, force: true });
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toContain(message);
  });
});
