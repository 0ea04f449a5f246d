import { periodPath, type Period } from "./periods.ts";
import { slugifyHeadline, slugifyName } from "./slugs.ts";

/** Where the site is served: Astro's `site` (an origin) and `base` ("/" or "/reader/"). */
export interface SiteLocation {
  /** The origin: "https://news.example.org", or Astro's `site` as a URL. */
  site: string | URL;
  /** The path the site lives under, with a slash at each end: "/" or "/reader/". */
  base: string;
}

/**
 * The first folder below the base of each part of the site. The paths here
 * are made from them, and `pageKey` (page-keys.ts) reads paths back by them.
 */
export const SECTIONS = {
  articles: "articles",
  archive: "archive",
  topics: "topics",
  people: "people",
  search: "search",
  /** The search index: one Pagefind bundle a year, `pagefind/2015/`. */
  searchBundles: "pagefind",
} as const;

/** The file that is a page: every page is a folder with one (Astro's `build.format: "directory"`). */
export const PAGE_FILE = "index.html";

/**
 * Joins the site's base path (Astro's `import.meta.env.BASE_URL`, "/" or
 * "/reader/" and so on) with a path relative to it, so no link assumes the
 * site sits at the root of its host.
 */
export function withBase(base: string, path = ""): string {
  const head = base.endsWith("/") ? base : `${base}/`;
  return head + path.replace(/^\/+/, "");
}

/** An absolute URL for a path that already carries the base ("/reader/articles/…/"). */
export function absoluteUrl(site: string | URL, path: string): string {
  return new URL(path, site).href;
}

/** The frontmatter fields that decide an article's URL. */
export interface ArticlePathFields {
  headline: string;
  published: string;
  slug?: string | undefined;
  /** Slugs the article's URL had before, on the same date: each has a page that sends the reader on. */
  formerSlugs?: readonly string[] | undefined;
}

/**
 * The route params of an article page: its publication date and slug. A
 * type, not an interface, so that `getStaticPaths` takes it as its params.
 */
export type ArticleParams = { date: string; slug: string };

/** The route params of an article page: its publication date and slug. */
export function articleParams({ headline, published, slug }: ArticlePathFields): ArticleParams {
  return { date: published, slug: slug ?? slugifyHeadline(headline) };
}

/** The route params of each page at an article's former URLs (its `formerSlugs`), in the editor's order. */
export function formerArticleParams({
  published,
  formerSlugs = [],
}: ArticlePathFields): ArticleParams[] {
  return formerSlugs.map((slug) => ({ date: published, slug }));
}

/** The path below the site's base of the article page with these route params: `articles/2015-11-15/slug/`. */
export function articleRoutePath({ date, slug }: ArticleParams): string {
  return `${SECTIONS.articles}/${date}/${slug}/`;
}

/** The paths below the site's base of an article's former URLs, which send the reader to its page. */
export function formerArticlePaths(fields: ArticlePathFields): string[] {
  return formerArticleParams(fields).map(articleRoutePath);
}

/** An article's path below the site's base, with the trailing slash every page URL has. */
export function articlePath(fields: ArticlePathFields): string {
  return articleRoutePath(articleParams(fields));
}

/** The path of an article's social card, beside its page. */
export function articleCardPath(fields: ArticlePathFields): string {
  return `${articlePath(fields)}card.png`;
}

/** The path of one of an article's listing crops of its lead picture (src/lib/pictures.ts), beside its page. */
export function articleCropPath(fields: ArticlePathFields, crop: string): string {
  return `${articlePath(fields)}${crop}.webp`;
}

/** The path of the site's own social card, used by the pages that are not articles. */
export const SITE_CARD_PATH = "card.png";

/** The path of the site's RSS feed below its base; each topic has one of the same name beside its page. */
export const FEED_PATH = "rss.xml";

/** The path of the date archive's page for a period below the site's base: `archive/` is its index, `archive/2015/11/15/` a day. */
export function archivePath(period: Period = ""): string {
  return `${SECTIONS.archive}/${periodPath(period)}`;
}

/** The path of the index of topics below the site's base. */
export const TOPICS_PATH = `${SECTIONS.topics}/`;

/** The path of a topic's page below the site's base, or of one period of it: `topics/syrian-war/2015/`. */
export function topicPath(name: string, period: Period = ""): string {
  return `${TOPICS_PATH}${nameSlug(name)}/${periodPath(period)}`;
}

/** The path of a topic's RSS feed, beside its page. */
export function topicFeedPath(name: string): string {
  return `${topicPath(name)}${FEED_PATH}`;
}

/** The path of the index of people below the site's base. */
export const PEOPLE_PATH = `${SECTIONS.people}/`;

/** The path of a person's page below the site's base, or of one period of it: `people/robert-hutton/`. */
export function personPath(name: string, period: Period = ""): string {
  return `${PEOPLE_PATH}${nameSlug(name)}/${periodPath(period)}`;
}

/** The path of one of the masthead's pages below the site's base: `about/corrections/`. */
export function aboutPath(page: string): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(page))
    throw new RangeError(`“${page}” is not a page name of lowercase letters, digits and hyphens`);
  return `about/${page}/`;
}

function nameSlug(name: string): string {
  const slug = slugifyName(name);
  if (slug === "")
    throw new RangeError(`“${name}” has no letters or digits to make a page address from`);
  return slug;
}

/** The path of the corrections page below the site's base: every correction, newest first. */
export const CORRECTIONS_PATH = "corrections/";

/** The path of the corrections' RSS feed, beside their page. */
export const CORRECTIONS_FEED_PATH = `${CORRECTIONS_PATH}rss.xml`;

/** The search page's path below the site's base. */
export const SEARCH_PATH = `${SECTIONS.search}/`;

/** The search page's path with a query, as its form sends it: `search/?q=assad`. */
export function searchPath(query?: string): string {
  return query ? `${SEARCH_PATH}?${new URLSearchParams({ q: query })}` : SEARCH_PATH;
}

/** The folder of the search index's bundles below the site's base, as the search page loads them. */
export const SEARCH_BUNDLES_PATH = `${SECTIONS.searchBundles}/`;

/** The path of the sitemap index below the site's base, which robots.txt names. */
export const SITEMAP_INDEX_PATH = "sitemap-index.xml";

/** The path of Google News's sitemap below the site's base, beside the sitemap index. */
export const NEWS_SITEMAP_PATH = "news-sitemap.xml";

/** The path of one of the sitemap's files below the site's base, from `sitemap-0.xml` up. */
export function sitemapPath(index: number): string {
  return `sitemap-${index}.xml`;
}

/**
 * The path below the base of the page a built file is, the file's own path
 * without its `index.html` ("articles/…/index.html" → "articles/…/",
 * "index.html" → ""), or undefined for a file that is no page.
 */
export function pagePathOfFile(file: string): string | undefined {
  if (file !== PAGE_FILE && !file.endsWith(`/${PAGE_FILE}`)) return undefined;
  return file.slice(0, -PAGE_FILE.length);
}

/** Every URL the site's pages link to, for one deployment. */
export interface SiteUrls {
  /** A path under the base, as links inside the site write it: `asset("rss.xml")` is "/reader/rss.xml". */
  asset(path?: string): string;
  /** The absolute URL of a path under the base. */
  absolute(path?: string): string;
  /** The absolute URL of a path that already carries the base, such as a page's own `Astro.url.pathname`. */
  atOrigin(pathWithBase: string): string;
  /** An article page's path, base included. */
  article(fields: ArticlePathFields): string;
  /** An article page's absolute URL. */
  articleAbsolute(fields: ArticlePathFields): string;
  /** The absolute URL of an article's social card. */
  articleCard(fields: ArticlePathFields): string;
  /** The absolute URL of the site's own social card. */
  siteCard(): string;
  /** One of an article's listing crops of its lead picture ("thumbnail"), base included. */
  articleCrop(fields: ArticlePathFields, crop: string): string;
  /** A place on an article's page, such as a correction (`correction-2016-03-02`): its path, base included, and `#id`. */
  articleAt(fields: ArticlePathFields, id: string): string;
  /** The absolute URL of a place on an article's page. */
  articleAtAbsolute(fields: ArticlePathFields, id: string): string;
  /** The corrections page, base included. */
  corrections(): string;
  /** The absolute URL of the corrections' RSS feed. */
  correctionsFeed(): string;
  /** The date archive's index, or the page of a year, month or day ("2015-11-15"), base included. */
  archive(period?: Period): string;
  /** The index of topics, base included. */
  topics(): string;
  /** A topic's page, or the page of one period of it, base included. */
  topic(name: string, period?: Period): string;
  /** The absolute URL of a topic's RSS feed. */
  topicFeed(name: string): string;
  /** The index of people, base included. */
  people(): string;
  /** A person's page, or the page of one period of it, base included. */
  person(name: string, period?: Period): string;
  /** The absolute URL of the site's RSS feed. */
  feed(): string;
  /** One of the masthead's pages ("corrections"), base included. */
  about(page: string): string;
  /** The absolute URL of one of the masthead's pages. */
  aboutAbsolute(page: string): string;
  /** The search page's path, base included, with a query when given: "/reader/search/?q=assad". */
  search(query?: string): string;
}

/** The site's URLs, made in one place from where it is deployed. */
export function siteUrls({ site, base }: SiteLocation): SiteUrls {
  const absolute = (path = "") => absoluteUrl(site, withBase(base, path));
  return {
    asset: (path = "") => withBase(base, path),
    absolute,
    atOrigin: (pathWithBase) => absoluteUrl(site, pathWithBase),
    article: (fields) => withBase(base, articlePath(fields)),
    articleAbsolute: (fields) => absolute(articlePath(fields)),
    articleCard: (fields) => absolute(articleCardPath(fields)),
    siteCard: () => absolute(SITE_CARD_PATH),
    articleCrop: (fields, crop) => withBase(base, articleCropPath(fields, crop)),
    articleAt: (fields, id) => `${withBase(base, articlePath(fields))}#${id}`,
    articleAtAbsolute: (fields, id) => absolute(`${articlePath(fields)}#${id}`),
    corrections: () => withBase(base, CORRECTIONS_PATH),
    correctionsFeed: () => absolute(CORRECTIONS_FEED_PATH),
    archive: (period) => withBase(base, archivePath(period)),
    topics: () => withBase(base, TOPICS_PATH),
    topic: (name, period) => withBase(base, topicPath(name, period)),
    topicFeed: (name) => absolute(topicFeedPath(name)),
    people: () => withBase(base, PEOPLE_PATH),
    person: (name, period) => withBase(base, personPath(name, period)),
    feed: () => absolute(FEED_PATH),
    about: (page) => withBase(base, aboutPath(page)),
    aboutAbsolute: (page) => absolute(aboutPath(page)),
    search: (query) => withBase(base, searchPath(query)),
  };
}
