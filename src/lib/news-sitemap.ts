/*
 * Google News's sitemap: the articles published in the two days before the
 * build, each with its publication, date and title
 * (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
 */

/** An article page, as the news sitemap lists it. */
export interface NewsSitemapArticle {
  /** Its absolute URL. */
  url: string;
  /** Its headline. */
  title: string;
  /** When it was published: ISO 8601 with its zone's offset, as its page's `datePublished`. */
  published: string;
  /** The name of the publication, as the page names its site. */
  publication: string;
  /** The language of the page, as its `<html lang>` says. */
  language: string;
}

/** How far back the news sitemap reaches: Google lists "articles published in the last 2 days". */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/** The most URLs Google reads from one news sitemap. */
export const NEWS_SITEMAP_LIMIT = 1000;

/** A date in the W3C format the news sitemap takes: a whole date, and maybe a time with its offset. */
const W3C_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** The instant an article was published, from its W3C (ISO 8601) date; an error names the page. */
function publishedAt({ url, published }: { url: string; published: string }): number {
  // Date.parse alone reads "15 November" too, in the machine's zone.
  const time = W3C_DATE.test(published) ? Date.parse(published) : NaN;
  if (Number.isNaN(time)) {
    throw new RangeError(`${url}: its publication date "${published}" is not an ISO 8601 date`);
  }
  return time;
}

/**
 * The articles a news sitemap made at `date` lists: those published in the
 * two days up to it (later than 48 hours before, and not after it), newest
 * first, at most `NEWS_SITEMAP_LIMIT` of them. An article dated after the
 * build is not published yet as far as the build knows.
 */
export function newsSitemapArticles<T extends { url: string; published: string }>(
  articles: readonly T[],
  date: Date,
): T[] {
  const now = date.getTime();
  return articles
    .map((article) => ({ article, time: publishedAt(article) }))
    .filter(({ time }) => time <= now && now < time + NEWS_WINDOW_MS)
    .sort((a, b) => b.time - a.time || (a.article.url < b.article.url ? -1 : 1))
    .slice(0, NEWS_SITEMAP_LIMIT)
    .map(({ article }) => article);
}

/**
 * Build dates, in milliseconds since the epoch: from this one (inclusive)
 * until that one (exclusive). Either end may be open.
 */
export interface DateSpan {
  from?: number;
  until?: number;
}

/**
 * The span of build dates around `date` over which `newsSitemapArticles`
 * picks the same articles: it changes only when an article's publication
 * comes, or its 48 hours end. A build whose date falls inside the span
 * would write the same news sitemap.
 */
export function newsSitemapSpan(
  articles: readonly { url: string; published: string }[],
  date: Date,
): DateSpan {
  const now = date.getTime();
  let from = -Infinity;
  let until = Infinity;
  for (const article of articles) {
    const time = publishedAt(article);
    for (const moment of [time, time + NEWS_WINDOW_MS]) {
      if (moment <= now) from = Math.max(from, moment);
      else until = Math.min(until, moment);
    }
  }
  return {
    ...(Number.isFinite(from) && { from }),
    ...(Number.isFinite(until) && { until }),
  };
}

/** Whether `date` falls inside `span`. */
export function spanHolds(span: DateSpan, date: Date): boolean {
  const time = date.getTime();
  return (
    (span.from === undefined || span.from <= time) &&
    (span.until === undefined || time < span.until)
  );
}

/**
 * A page's language as Google News names it: an ISO 639 code of two or
 * three letters, but "zh-cn" and "zh-tw" for simplified and traditional
 * Chinese. "en-GB" is "en"; "zh-Hant-HK" is "zh-tw".
 */
export function newsLanguage(lang: string): string {
  const [language = "", ...rest] = lang.toLowerCase().split(/[-_]/);
  if (language !== "zh") return language;
  if (rest.includes("hant") || rest.some((part) => ["tw", "hk", "mo"].includes(part))) {
    return "zh-tw";
  }
  return "zh-cn";
}

/** Characters XML 1.0 does not allow in a document, even escaped. */
// eslint-disable-next-line no-control-regex -- matching them is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as XML character data. Imports nothing: publishing's Node-run code loads this file. */
function xmlText(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;");
}

/**
 * The news sitemap of `articles`, in the order given. With none it is still
 * a valid, empty `urlset`: Google says an empty news sitemap causes no
 * problem, and its URL stays the one submitted.
 */
export function newsSitemapXml(articles: readonly NewsSitemapArticle[]): string {
  const urls = articles.map(
    ({ url, title, published, publication, language }) =>
      `<url><loc>${xmlText(url)}</loc><news:news>` +
      `<news:publication><news:name>${xmlText(publication)}</news:name>` +
      `<news:language>${xmlText(newsLanguage(language))}</news:language></news:publication>` +
      `<news:publication_date>${xmlText(published)}</news:publication_date>` +
      `<news:title>${xmlText(title)}</news:title>` +
      `</news:news></url>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" ' +
    'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' +
    `${urls.join("")}</urlset>\n`
  );
}
