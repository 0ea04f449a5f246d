import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, inject, test } from "vitest";
import { subpathSite } from "../support/global-build";
import { newerArticles } from "../support/publishing-fixture";

const site = `${subpathSite.SITE_URL}${subpathSite.BASE_PATH}`;
const parser = new XMLParser();

async function readXml(file: string) {
  return parser.parse(await readFile(join(inject("subpathDistDir"), file), "utf8"));
}

/** A value a parsed XML node holds once or many times, as a list. */
const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

describe("the sitemap", () => {
  test("is an index of sitemaps under the site's URL", async () => {
    const index = await readXml("sitemap-index.xml");
    const locs = list<{ loc: string }>(index.sitemapindex.sitemap).map((entry) => entry.loc);
    expect(locs).toEqual([`${site}sitemap-0.xml`]);
  });

  test("lists every page of the build but a former URL's, by its absolute URL, and nothing else", async () => {
    const index = await readXml("sitemap-index.xml");
    const listed: string[] = [];
    for (const { loc } of list<{ loc: string }>(index.sitemapindex.sitemap)) {
      const sitemap = await readXml(loc.slice(site.length));
      listed.push(...list<{ loc: string }>(sitemap.urlset.url).map((entry) => entry.loc));
    }
    const pages = (await readdir(inject("subpathDistDir"), { recursive: true }))
      .filter((file) => file.endsWith("index.html"))
      .filter((file) => file !== `${newerArticles.authored.formerPath}index.html`)
      .map((file) => new URL(encodeURI(file.replace(/index\.html$/, "")), site).href);
    expect(pages.length).toBeGreaterThanOrEqual(54);
    expect(listed.sort()).toEqual(pages.sort());
  });

  test("leaves out the 404 page", async () => {
    const sitemap = await readFile(join(inject("subpathDistDir"), "sitemap-0.xml"), "utf8");
    expect(sitemap).not.toMatch(/\/404(\.html|\/)/);
  });
});

describe("robots.txt", () => {
  test("lets crawlers in and names the sitemap index and the news sitemap", async () => {
    const robots = await readFile(join(inject("subpathDistDir"), "robots.txt"), "utf8");
    expect(robots).toBe(
      `User-agent: *\nDisallow:\n\n` +
        `Sitemap: ${site}sitemap-index.xml\nSitemap: ${site}news-sitemap.xml\n`,
    );
  });
});
