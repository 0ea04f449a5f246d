import { getCollection, getEntry, type CollectionEntry } from "astro:content";
import { currentJobScope } from "../content/current-job";
import { forgetArchiveIndexFile, readArchiveIndexFile } from "../content/archive-index-file";
import type { ListedFields } from "../content/listed-fields";
import { indexedArticles } from "../lib/archive-index";
import { compareNewestFirst } from "../lib/order";

/** One article of the collection, typed from its schema: loaded, with its rendered text. */
export type Article = CollectionEntry<"articles">;

/** An article as the lists show it: its id and the frontmatter they show (src/content/listed-fields.ts). */
export interface ListedArticle {
  id: string;
  data: ListedFields;
}

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

let indexed: Promise<readonly ListedArticle[]> | undefined;

/**
 * Every published article, newest first, as the lists show them: from the
 * archive index when the publisher gave one (src/lib/archive-index.ts),
 * read once and the same array on every call, so that what is worked out
 * from it can be kept (src/data/browsing.ts); from the collection otherwise,
 * a new array each call, as `astro dev` may have new articles.
 */
export async function getListedArticles(): Promise<readonly ListedArticle[]> {
  const scope = currentJobScope();
  if (scope?.pages !== "site" || !scope.index) return getArticles();
  const { index } = scope;
  indexed ??= readArchiveIndexFile<ListedFields>(index).then((files) => {
    forgetArchiveIndexFile(index);
    return indexedArticles(files)
      .map(({ id, data }) => ({ id, data }))
      .filter(isPublished)
      .sort((a, b) => compareNewestFirst(a.data, b.data));
  });
  return indexed;
}

/**
 * A listed article in full, as its page has it: for what shows more of an
 * article than a list (a feed's items, the front page's summaries). A
 * listings process given the archive index loads exactly those in full
 * (src/content/loader/build-load.ts); one it did not is a mistake here.
 */
export async function inFull({ id }: ListedArticle): Promise<Article> {
  const article = await getEntry("articles", id);
  if (!article) throw new Error(`${id}: not loaded in full, so it cannot be shown in full`);
  return article;
}
