import {
  articlePath,
  archivePath,
  formerArticlePaths,
  personPath,
  SECTIONS,
  topicPath,
  type ArticleParams,
  type ArticlePathFields,
} from "./site-urls.ts";
import { parentPeriods, type Period } from "./periods.ts";

/*
 * Every file a build writes belongs to one part of the archive, named by a
 * page key: an article's own page and card ("article:2015-11-15/slug"), a
 * day, month or year of the date archive ("archive:2015-11"), a period of a
 * topic's or a person's list ("topic:syrian-war/2015-11"; the list's first
 * page and the topic's feed are "topic:syrian-war"), a year of the search
 * index ("search:2015"), or the pages that follow the whole archive ("site":
 * the front page, the indexes, the main feed, the corrections page and its
 * feed, the sitemap…). An article touches the keys of every page that
 * shows it; publishing it makes exactly those keys again, and "site", and
 * leaves every other file as it was.
 */

/** The key of the pages that follow the whole archive, made by every build. */
export const SITE_KEY = "site";

/** The fields of an article that decide which pages list it. */
export interface KeyedArticle extends ArticlePathFields {
  topics: readonly string[];
  byline: { authors: readonly string[]; contributors: readonly string[] };
}

const ARTICLE_KEY_PREFIX = "article:";

/** The route params of the article page whose key this is ("article:2015-11-15/slug"); undefined for any other key. */
export function articleOfKey(key: string): ArticleParams | undefined {
  if (!key.startsWith(ARTICLE_KEY_PREFIX)) return undefined;
  const [date = "", slug = "", ...rest] = key.slice(ARTICLE_KEY_PREFIX.length).split("/");
  return date && slug && rest.length === 0 ? { date, slug } : undefined;
}

/** The year of the search index whose key this is ("search:2015"); undefined for any other key. */
export function searchYearOfKey(key: string): string | undefined {
  return /^search:(\d{4})$/.exec(key)?.[1];
}

/** The page key of a file or page path below the base ("archive/2015/11/index.html", "topics/russia/"). */
export function pageKey(path: string): string {
  const [first = "", second = "", third = "", ...rest] = path.replace(/^\/+/, "").split("/");
  const folder = (segment: string) => segment !== "" && !segment.includes(".");
  // A period's folders, "2015/11" in "2015/11/index.html", as "2015-11".
  const period = (segments: readonly string[]) =>
    segments.filter((segment) => /^\d+$/.test(segment)).join("-");
  switch (first) {
    case SECTIONS.articles:
      return folder(second) && folder(third) ? `${ARTICLE_KEY_PREFIX}${second}/${third}` : SITE_KEY;
    case SECTIONS.archive: {
      const archived = period([second, third, ...rest]);
      return archived ? `archive:${archived}` : SITE_KEY;
    }
    case SECTIONS.topics:
    case SECTIONS.people:
      return folder(second) ? listKey(first, second, period([third, ...rest])) : SITE_KEY;
    case SECTIONS.searchBundles:
      return /^\d{4}$/.test(second) ? `search:${second}` : SITE_KEY;
    default:
      return SITE_KEY;
  }
}

/**
 * The year of the search index that holds a page ("2015" for
 * "articles/2015-11-15/slug/index.html"): the year of the date in an
 * article's URL, as its key "search:2015" says. Undefined for any page that
 * is not an article's.
 */
export function searchYear(path: string): string | undefined {
  return searchYearOfArticle(pageKey(path));
}

/** The year of the search index that holds the page of an article key ("article:2015-11-15/slug"); undefined for any other key. */
export function searchYearOfArticle(key: string): string | undefined {
  return /^(\d{4})-/.exec(articleOfKey(key)?.date ?? "")?.[1];
}

/**
 * The keys of every page that shows an article: its own, those at its former
 * URLs (which send the reader to it), its dates', its search year's, and its
 * topics' and people's pages of its day. A list's pages of the larger periods
 * show it too (`listChain` names them): left out, since an archive of
 * 100,000 articles keeps every article's keys.
 */
export function articlePageKeys(article: KeyedArticle): string[] {
  const date = article.published;
  const [year = "", month = "", day = ""] = date.split("-");
  const keys = [
    pageKey(articlePath(article)),
    ...formerArticlePaths(article).map(pageKey),
    pageKey(archivePath(year)),
    pageKey(archivePath(`${year}-${month}`)),
    pageKey(archivePath(`${year}-${month}-${day}`)),
    ...article.topics.map((topic) => pageKey(topicPath(topic, date))),
    ...[...article.byline.authors, ...article.byline.contributors].map((name) =>
      pageKey(personPath(name, date)),
    ),
    `search:${year}`,
  ];
  return [...new Set(keys)];
}

/**
 * The keys of a list's pages that show the articles of a period's page:
 * its own and those of the larger periods, up to the list's first page
 * ("topic:russia/2015-11" → "topic:russia", "topic:russia/2015",
 * "topic:russia/2015-11"). Any other key is alone.
 */
export function listChain(key: string): string[] {
  const listed = listPeriodOfKey(key);
  if (!listed) return [key];
  const { list, period } = listed;
  const periods = period === "" ? [period] : [...parentPeriods(period), period];
  return periods.map((each) => withinList(list, each));
}

const LIST_KEY_PREFIXES: Record<string, string> = {
  [SECTIONS.topics]: "topic:",
  [SECTIONS.people]: "person:",
};

/** The key of a topic's or a person's page of a period ("topic:russia/2015-11"; "topic:russia" for all time). */
function listKey(section: string, slug: string, period: Period): string {
  return withinList(`${LIST_KEY_PREFIXES[section]}${slug}`, period);
}

/** The key of a list's page of a period, given the key of its first page. */
function withinList(list: string, period: Period): string {
  return period === "" ? list : `${list}/${period}`;
}

/**
 * What a key would name as its list, were it a list's key (`withinList`
 * undone, unchecked): "topic:russia" for "topic:russia/2015-11". A cheap
 * first look, before `listPeriodOfKey`, over many keys.
 */
export function listPartOfKey(key: string): string {
  const slash = key.indexOf("/");
  return slash < 0 ? key : key.slice(0, slash);
}

/**
 * The period of a topic's or a person's page whose key this is ("2015-11"
 * for "topic:russia/2015-11", "" for "topic:russia"), and its list's key;
 * undefined for any other key.
 */
export function listPeriodOfKey(key: string): { list: string; period: Period } | undefined {
  const match = /^((?:topic|person):[^/]+)(?:\/(\d{4}(?:-\d{2}(?:-\d{2})?)?))?$/.exec(key);
  return match ? { list: match[1]!, period: match[2] ?? "" } : undefined;
}
