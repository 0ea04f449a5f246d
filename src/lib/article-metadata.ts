import type { NewsArticle, WithContext } from "schema-dts";
import type { ArticleData } from "../schemas/article";
import { formatIsoWithOffset } from "./dates";
import { articleDescription } from "./metadata";
import type { ArticleTimes, SocialImage } from "./page-metadata";
import { CARD_HEIGHT, CARD_WIDTH } from "./social-card";
import { newsArticleJsonLd } from "./structured-data";

/** Where an article is published, for its metadata. */
export interface ArticleSetting {
  /** The article page's absolute URL. */
  url: string;
  /** The absolute URL of its social card. */
  cardUrl: string;
  siteName: string;
  language: string;
}

/** Everything an article page says about itself to search engines, feeds and link previews. */
export interface ArticleMetadata {
  description: string;
  times: ArticleTimes;
  image: SocialImage;
  jsonLd: WithContext<NewsArticle>;
}

/** Gathers an article's metadata from its frontmatter: one place, so tags and JSON-LD agree. */
export function articleMetadata(
  data: ArticleData,
  { url, cardUrl, siteName, language }: ArticleSetting,
): ArticleMetadata {
  const description = articleDescription(data);
  const times: ArticleTimes = {
    publishedTime: formatIsoWithOffset(data.published, data.timezone),
    modifiedTime: formatIsoWithOffset(data.updated ?? data.published, data.timezone),
  };
  const image: SocialImage = {
    url: cardUrl,
    alt: `${siteName}: ${data.headline}`,
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
  };
  const jsonLd = newsArticleJsonLd({
    url,
    headline: data.headline,
    description,
    datePublished: times.publishedTime,
    dateModified: times.modifiedTime,
    authors: data.byline.authors,
    organisation: data.byline.organisation,
    contributors: data.byline.contributors,
    imageUrl: cardUrl,
    language,
  });
  return { description, times, image, jsonLd };
}
