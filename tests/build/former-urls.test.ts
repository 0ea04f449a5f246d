import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, inject, test } from "vitest";
import { subpathSite } from "../support/global-build";
import { loadPage, readableText } from "../support/html";
import { newerArticles } from "../support/publishing-fixture";

// The /reader/ build: the "authored" fixture article lists one former slug.
const site = `${subpathSite.SITE_URL}${subpathSite.BASE_PATH}`;
const { authored } = newerArticles;
const dist = () => inject("subpathDistDir");
const formerPage = () => loadPage(dist(), `${authored.formerPath}index.html`);

describe("the page at an article's former URL", () => {
  test("refreshes at once to the article's URL, base path included", async () => {
    const $ = await formerPage();
    expect($('meta[http-equiv="refresh"]').attr("content")).toBe(
      `0; url=${subpathSite.BASE_PATH}${authored.path}`,
    );
  });

  test("names the article as canonical, asks not to be indexed, and has no social tags", async () => {
    const $ = await formerPage();
    expect($('link[rel="canonical"]').attr("href")).toBe(`${site}${authored.path}`);
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($('meta[property^="og:"], meta[name^="twitter:"]')).toHaveLength(0);
    expect($('script[type="application/ld+json"]')).toHaveLength(0);
  });

  test("has a title and one sentence linking the article by its headline", async () => {
    const $ = await formerPage();
    expect($("title").text()).toContain(authored.headline);
    const links = $("main a");
    expect(links).toHaveLength(1);
    expect(links.attr("href")).toBe(`${subpathSite.BASE_PATH}${authored.path}`);
    expect(readableText(links.text())).toBe(authored.headline);
    expect(readableText($("main p").text())).toBe(`It is now at ${authored.headline}.`);
  });

  test("is no article: not marked for the search index, and has no card", async () => {
    const html = await readFile(join(dist(), authored.formerPath, "index.html"), "utf8");
    expect(html).not.toContain("data-pagefind-body");
    expect(await readdir(join(dist(), authored.formerPath))).toEqual(["index.html"]);
  });

  test("is left out of the sitemap, which still lists the article", async () => {
    const sitemap = await readFile(join(dist(), "sitemap-0.xml"), "utf8");
    expect(sitemap).toContain(`<loc>${site}${authored.path}</loc>`);
    expect(sitemap).not.toContain(authored.formerSlug);
  });

  test("is left out of the search index, which still has the article", async () => {
    // One bundle a year (src/publishing/search-index.ts): every year's fragments.
    const bundles = join(dist(), "pagefind");
    const folders = (await readdir(bundles)).map((year) => join(bundles, year, "fragment"));
    const urls = (
      await Promise.all(
        folders.map(async (folder) =>
          Promise.all(
            (await readdir(folder)).map(async (file) => {
              const text = gunzipSync(await readFile(join(folder, file))).toString("utf8");
              return (JSON.parse(text.replace(/^pagefind_dcd/, "")) as { url: string }).url;
            }),
          ),
        ),
      )
    ).flat();
    expect(urls).toContain(`/${authored.path}`);
    expect(urls.filter((url) => url.includes(authored.formerSlug))).toEqual([]);
  });

  test("is left out of the feeds and the listings", async () => {
    for (const file of [
      "rss.xml",
      "index.html",
      "archive/2016/03/01/index.html",
      "topics/russia/rss.xml",
    ]) {
      const text = await readFile(join(dist(), file), "utf8");
      expect(text, file).toContain(authored.path);
      expect(text, file).not.toContain(authored.formerSlug);
    }
  });
});
