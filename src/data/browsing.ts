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

/**
 * What each list below is worked out once for each array of articles: a
 * listings process reads the archive once (`getListedArticles`), and its
 * topic, person, archive and search pages ask for the same groups over it.
 * At 100,000 articles every grouping takes a few tenths of a second.
 */
function keptFor<T>(
  work: (articles: readonly ListedArticle[]) => T,
): (articles: readonly ListedArticle[]) => T {
  const kept = new WeakMap<readonly ListedArticle[], T>();
  return (articles) => {
    if (!kept.has(articles)) kept.set(articles, work(articles));
    return kept.get(articles)!;
  };
}

const topicsOf = keptFor((articles) => groupByName(articles, ({ data }) => data.topics));

const peopleOf = keptFor((articles) =>
  groupByName(articles, ({ data: { byline } }) => [...byline.authors, ...byline.contributors]),
);

const archivePagesOf = keptFor((articles) => pagesByPeriod(articles, { everyPeriod: true }));

/** Every topic, with its articles newest first; sorted by name. */
export async function getTopics(): Promise<readonly NamedGroup<ListedArticle>[]> {
  return topicsOf(await getListedArticles());
}

/** Everyone named in a byline, authors and contributors, with the articles they wrote or helped with, newest first. */
export async function getPeople(): Promise<readonly NamedGroup<ListedArticle>[]> {
  return peopleOf(await getListedArticles());
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
export async function getArchivePages(): Promise<readonly PeriodPage<ListedArticle>[]> {
  return archivePagesOf(await getListedArticles());
}
