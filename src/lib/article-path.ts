import { slugifyHeadline } from "./slugs";

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
