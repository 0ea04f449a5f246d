import { join } from "node:path";
import {
  newsSitemapArticles,
  newsSitemapSpan,
  newsSitemapXml,
  type DateSpan,
} from "../lib/news-sitemap.ts";
import {
  NEWS_SITEMAP_PATH,
  pagePathOfFile,
  SITEMAP_INDEX_PATH,
  sitemapPath,
  siteUrls,
  type SiteLocation,
} from "../lib/site-urls.ts";
import type { PageHeadFacts } from "./html-files.ts";
import { writeNewFile } from "./new-file.ts";

/** URLs in one sitemap file: the protocol allows 50,000; @astrojs/sitemap's 45,000 leaves room. */
export const SITEMAP_ENTRY_LIMIT = 45_000;

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
export async function writeSitemap(
  outDir: string,
  location: SiteLocation,
  pages: readonly PageHeadFacts[],
) {
  const site = siteUrls(location);
  const urls = pages
    .filter(({ noindex }) => !noindex)
    .map(({ path }) => pagePathOfFile(path))
    .filter((page) => page !== undefined)
    .map((page) => site.absolute(page))
    .sort();
  const chunks: string[][] = [];
  for (let start = 0; start < urls.length; start += SITEMAP_ENTRY_LIMIT) {
    chunks.push(urls.slice(start, start + SITEMAP_ENTRY_LIMIT));
  }
  const header = '<?xml version="1.0" encoding="UTF-8"?>';
  const namespace = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';
  await Promise.all(
    chunks.map((chunk, index) =>
      writeNewFile(
        join(outDir, sitemapPath(index)),
        `${header}<urlset ${namespace}>${chunk.map((loc) => `<url><loc>${xmlEscape(loc)}</loc></url>`).join("")}</urlset>\n`,
      ),
    ),
  );
  const sitemaps = chunks.map((_, index) => site.absolute(sitemapPath(index)));
  await writeNewFile(
    join(outDir, SITEMAP_INDEX_PATH),
    `${header}<sitemapindex ${namespace}>${sitemaps.map((loc) => `<sitemap><loc>${xmlEscape(loc)}</loc></sitemap>`).join("")}</sitemapindex>\n`,
  );
  return urls.length;
}

/** What `writeNewsSitemap` wrote. */
export interface NewsSitemapReport {
  /** The articles it lists. */
  articles: number;
  /** The build dates that would write the same file (see `newsSitemapSpan`). */
  span: DateSpan;
}

/**
 * Writes `news-sitemap.xml`, Google News's sitemap: the article pages in
 * `pages` published in the two days before `date`, the build's date, as
 * their heads give their URL, headline, publication date, site name and
 * language. Written even when it lists nothing, so the URL submitted to
 * Search Console (and named in robots.txt) always answers.
 */
export async function writeNewsSitemap(
  outDir: string,
  location: SiteLocation,
  pages: readonly PageHeadFacts[],
  date: Date,
): Promise<NewsSitemapReport> {
  const site = siteUrls(location);
  const articles = pages.flatMap(({ path, article }) => {
    const page = pagePathOfFile(path);
    return article && page !== undefined
      ? [
          {
            url: site.absolute(page),
            title: article.title,
            published: article.published,
            publication: article.siteName,
            language: article.language,
          },
        ]
      : [];
  });
  const listed = newsSitemapArticles(articles, date);
  await writeNewFile(join(outDir, NEWS_SITEMAP_PATH), newsSitemapXml(listed));
  return { articles: listed.length, span: newsSitemapSpan(articles, date) };
}
