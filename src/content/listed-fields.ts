import type { ArticleData } from "./schema/article.ts";

/**
 * The frontmatter fields that no list shows, which the archive index leaves
 * out (src/lib/archive-index.ts): an article's bullets, related items, update
 * note, former section ids and description show on its own page, in the feeds
 * and on the front page's summaries, all of which read the article in full.
 * At 100,000 articles they made up two fifths of the index, and of what the
 * listings process holds of every article.
 */
const UNLISTED = ["bullets", "related", "updateNote", "formerIds", "description"] as const;

/** An article's frontmatter as the lists show it. */
export type ListedFields = Omit<ArticleData, (typeof UNLISTED)[number]>;

/** What the lists show of an article's frontmatter: all of it but the fields of `UNLISTED`. */
export function listedFields(data: ArticleData): ListedFields {
  const listed: Partial<ArticleData> = { ...data };
  for (const field of UNLISTED) delete listed[field];
  return listed as ListedFields;
}
