import type { ArticleData } from "./schema/article.ts";

/**
 * An article's frontmatter as the lists show it, and as the archive index
 * carries it (src/lib/archive-index.ts). What no list shows is left out: an
 * article's bullets, related items, update note, former section ids and
 * description show on its own page, in the feeds and in the front page's
 * summaries, all of which read the article in full. At 100,000 articles they
 * made up two fifths of the index, and of what the listings process holds
 * of every article. A list that reads a field not named here fails to type-check.
 */
export type ListedFields = Pick<
  ArticleData,
  | "headline"
  | "byline"
  | "published"
  | "updated"
  | "timezone"
  | "corrections"
  | "topics"
  | "image"
  | "slug"
  | "formerSlugs"
  | "lead"
  | "draft"
>;

/** `T` with every field named, the optional ones as possibly undefined. */
type EveryField<T> = { [K in keyof Required<T>]: T[K] };

/**
 * What the lists show of an article's frontmatter. One object literal, so
 * that every article's has the same shape: writing 100,000 of them as JSON
 * took about half the time that copying each and deleting fields did. It
 * names every field, so one left out of it, optional or not, fails to
 * type-check rather than going missing from every list.
 */
export function listedFields(data: ArticleData): ListedFields {
  const { headline, byline, published, updated, timezone, corrections, topics } = data;
  const { image, slug, formerSlugs, lead, draft } = data;
  const listed: EveryField<ListedFields> = {
    headline,
    byline,
    published,
    updated,
    timezone,
    corrections,
    topics,
    image,
    slug,
    formerSlugs,
    lead,
    draft,
  };
  return listed;
}
