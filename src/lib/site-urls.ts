import { slugifyHeadline } from "./slugs";

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
}

/** The route params of an article page: its publication date and slug. */
export function articleParams({ headline, published, slug }: ArticlePathFields): {
  date: string;
  slug: string;
} {
  return { date: published, slug: slug ?? slugifyHeadline(headline) };
}

/** An article's path below the site's base, with the trailing slash every page URL has. */
export function articlePath(fields: ArticlePathFields): string {
  const { date, slug } = articleParams(fields);
  return `articles/${date}/${slug}/`;
}

/** The path of an article's social card, beside its page. */
export function articleCardPath(fields: ArticlePathFields): string {
  return `${articlePath(fields)}card.png`;
}

/** The path of the site's own social card, used by the pages that are not articles. */
export const SITE_CARD_PATH = "card.png";

/** The path of a list page below the site's base: page 1 is the front page. */
export function listPagePath(number: number): string {
  return number === 1 ? "" : `page/${number}/`;
}

/** The search page's path below the site's base. */
export const SEARCH_PATH = "search/";

/** The search page's path with a query, as its form sends it: `search/?q=assad`. */
export function searchPath(query?: string): string {
  return query ? `${SEARCH_PATH}?${new URLSearchParams({ q: query })}` : SEARCH_PATH;
}

/** Where the site is served: Astro's `site` (an origin) and `base` ("/" or "/reader/"). */
export interface SiteLocation {
  site: string | URL;
  base: string;
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
  /** A list page's path, base included: the front page for 1. */
  listPage(number: number): string;
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
    listPage: (number) => withBase(base, listPagePath(number)),
    search: (query) => withBase(base, searchPath(query)),
  };
}
