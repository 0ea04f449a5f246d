/**
 * Keys editors bring from other systems, and the field each one means here,
 * so that the build can say "did you mean …" where spelling alone cannot.
 */
export const fieldSynonyms: Readonly<Record<string, string>> = {
  title: "headline",
  summary: "bullets",
  date: "published",
  pubDate: "published",
  publishDate: "published",
  modified: "updated",
  updatedDate: "updated",
  author: "byline.authors",
  authors: "byline.authors",
  tz: "timezone",
  tags: "topics",
  keywords: "topics",
  categories: "topics",
  // Hugo's and Jekyll's (jekyll-redirect-from) old addresses of a page.
  aliases: "formerSlugs",
  redirect_from: "formerSlugs",
  // Ghost's, Hugo's and Astro's starters' names for an article's lead picture.
  feature_image: "image",
  featureImage: "image",
  cover: "image",
  heroImage: "image",
  photo: "image",
};
