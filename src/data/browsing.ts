import { groupByName, type NamedGroup } from "../lib/named-groups";
import { periodPages, type PeriodPage, type PeriodPageOptions } from "../lib/periods";
import { site } from "../site.config";
import { getListedArticles, type ListedArticle } from "./articles";

/*
 * The ways to browse the archive besides the front page: by topic, by
 * person, by date. Each list is split by calendar period (src/lib/periods.ts),
 * never by a count from the newest, so publishing an article changes only
 * the pages that list it.
 */

/** Every topic, with its articles newest first; sorted by name. */
export async function getTopics(): Promise<NamedGroup<ListedArticle>[]> {
  return groupByName(await getListedArticles(), (article) => article.data.topics);
}

/** Everyone named in a byline, authors and contributors, with the articles they wrote or helped with, newest first. */
export async function getPeople(): Promise<NamedGroup<ListedArticle>[]> {
  return groupByName(await getListedArticles(), ({ data: { byline } }) => [
    ...byline.authors,
    ...byline.contributors,
  ]);
}

/** A list of articles (newest first) as pages by period, each small enough for one round trip. */
export function pagesByPeriod(
  articles: readonly ListedArticle[],
  options: Partial<PeriodPageOptions> = {},
): PeriodPage<ListedArticle>[] {
  return periodPages(articles, (article) => article.data.published, {
    limit: site.articlesPerListPage,
    ...options,
  });
}

/** The date archive: a page for every year, month and day with articles, and its index (period ""). */
export async function getArchivePages(): Promise<PeriodPage<ListedArticle>[]> {
  return pagesByPeriod(await getListedArticles(), { everyPeriod: true });
}
