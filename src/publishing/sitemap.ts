import { writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { asksNotToBeIndexed, htmlFiles, pageHead } from "./html-files.ts";

/** URLs in one sitemap file: the protocol allows 50,000; @astrojs/sitemap's 45,000 leaves room. */
export const SITEMAP_ENTRY_LIMIT = 45_000;

/** Where the site is served: its origin and base path, as Astro's `site` and `base`. */
export interface SitemapLocation {
  site: string;
  base: string;
}

function xmlEscape(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/**
 * Writes `sitemap-index.xml` and its `sitemap-N.xml` files for every page in
 * `outDir` but the 404 page and the pages that ask not to be indexed (a
 * `<meta name="robots" content="noindex">`: the pages at articles' former
 * URLs, which only send the reader on). Made from the pages on disk, not from
 * one build process's list of routes, so the sitemap lists the same pages
 * whether the site was built at once, in parts, or after one new article.
 */
export async function writeSitemap(outDir: string, { site, base }: SitemapLocation) {
  const root = new URL(base.endsWith("/") ? base : `${base}/`, site);
  const files = (await htmlFiles(outDir)).filter((file) => {
    const path = relative(outDir, file).split(sep).join("/");
    return path.endsWith("/index.html") || path === "index.html";
  });
  const listed: string[] = [];
  // A few at a time: thousands of open files at once would run out of handles.
  const batch = 64;
  for (let start = 0; start < files.length; start += batch) {
    const heads = await Promise.all(files.slice(start, start + batch).map(pageHead));
    files.slice(start, start + batch).forEach((file, index) => {
      if (!asksNotToBeIndexed(heads[index]!)) listed.push(file);
    });
  }
  const pages = listed
    .map((file) => relative(outDir, file).split(sep).join("/"))
    .map((path) => new URL(path.slice(0, -"index.html".length), root).href)
    .sort();
  const chunks: string[][] = [];
  for (let start = 0; start < pages.length; start += SITEMAP_ENTRY_LIMIT) {
    chunks.push(pages.slice(start, start + SITEMAP_ENTRY_LIMIT));
  }
  const header = '<?xml version="1.0" encoding="UTF-8"?>';
  const namespace = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';
  await Promise.all(
    chunks.map((chunk, index) =>
      writeFile(
        join(outDir, `sitemap-${index}.xml`),
        `${header}<urlset ${namespace}>${chunk.map((loc) => `<url><loc>${xmlEscape(loc)}</loc></url>`).join("")}</urlset>\n`,
      ),
    ),
  );
  const sitemaps = chunks.map((_, index) => new URL(`sitemap-${index}.xml`, root).href);
  await writeFile(
    join(outDir, "sitemap-index.xml"),
    `${header}<sitemapindex ${namespace}>${sitemaps.map((loc) => `<sitemap><loc>${xmlEscape(loc)}</loc></sitemap>`).join("")}</sitemapindex>\n`,
  );
  return pages.length;
}
