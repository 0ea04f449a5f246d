import { getCollection, type CollectionEntry } from "astro:content";
import { compareNewestFirst } from "../lib/order";

/** One article of the collection, typed from its schema. */
export type Article = CollectionEntry<"articles">;

/** Drafts show in `astro dev` and are never published. */
function isPublished(article: Article): boolean {
  return import.meta.env.DEV || !article.data.draft;
}

/** Every published article, newest first. The one place that reads the collection. */
export async function getArticles(): Promise<Article[]> {
  const articles = await getCollection("articles", isPublished);
  return articles.sort((a, b) => compareNewestFirst(a.data, b.data));
}
