import { getCollection, type CollectionEntry } from "astro:content";
import { currentJobScope } from "../content/current-job";
import { readArchiveIndexFile } from "../content/archive-index-file";
import { indexedArticles } from "../lib/archive-index";
import { compareNewestFirst } from "../lib/order";

/** One article of the collection, typed from its schema: loaded, with its rendered text. */
export type Article = CollectionEntry<"articles">;

/** An article as the lists show it: its id and frontmatter. */
export type ListedArticle = Pick<Article, "id" | "data">;

/** Drafts show in `astro dev` and are never published. */
function isPublished(article: ListedArticle): boolean {
  return import.meta.env.DEV || !article.data.draft;
}

/**
 * The published articles this process loaded, newest first: every one,
 * except in a listings process given the archive index, which loads only
 * those it shows in full (src/content/loader/build-load.ts).
 */
export async function getArticles(): Promise<Article[]> {
  const articles = await getCollection("articles", isPublished);
  return articles.sort((a, b) => compareNewestFirst(a.data, b.data));
}

let indexed: Promise<ListedArticle[]> | undefined;

/**
 * Every published article, newest first, as the lists show them: from the
 * archive index when the publisher gave one (src/lib/archive-index.ts),
 * from the collection otherwise.
 */
export async function getListedArticles(): Promise<ListedArticle[]> {
  const scope = currentJobScope();
  if (scope?.pages !== "site" || !scope.index) return getArticles();
  const { index } = scope;
  indexed ??= readArchiveIndexFile<Article["data"]>(index).then((files) =>
    indexedArticles(files)
      .map(({ id, data }) => ({ id, data }))
      .filter(isPublished)
      .sort((a, b) => compareNewestFirst(a.data, b.data)),
  );
  return [...(await indexed)];
}
