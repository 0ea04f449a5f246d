import type { NewsArticle, WithContext } from "schema-dts";
import { lastModified, type Correction } from "./corrections.ts";
import { formatIsoWithOffset } from "./dates.ts";
import { articleDescription, type DescriptionFields } from "./description.ts";
import { cardImage, type ArticleOpenGraph, type SocialImage } from "./social-meta.ts";
import { newsArticleJsonLd, type PublisherInput } from "./structured-data.ts";

/** The frontmatter fields an article's metadata is made from (the schema's output has them). */
export interface ArticleMetadataFields extends DescriptionFields {
  headline: string;
  published: string;
  updated?: string | undefined;
  timezone: string;
  /** The corrections record, oldest first. */
  corrections?: readonly Correction[] | undefined;
  topics: readonly string[];
  byline: { authors: readonly string[]; organisation: string; contributors: readonly string[] };
}

/** Where an article is published, for its metadata. */
export interface ArticleSetting {
  /** The article page's absolute URL. */
  url: string;
  /** The absolute URL of its social card. */
  cardUrl: string;
  siteName: string;
  language: string;
  /** The site's publisher, from its masthead. */
  publisher: PublisherInput;
  /** The absolute URL of a person's page. */
  personUrl: (name: string) => string;
  /** The crops of the article's lead picture, when it has one: they take the drawn card's place. */
  picture?: PictureCrops | undefined;
}

/** The crops made of an article's lead picture for the places it travels to. */
export interface PictureCrops {
  /** The link preview's, 1.91:1 (1200 × 630 when the picture holds it), with its text alternative. */
  card: SocialImage;
  /** The absolute URLs of Google's 16:9, 4:3 and 1:1 crops, in that order. */
  structuredData: readonly string[];
}

/** Everything an article page says about itself to search engines, feeds and link previews. */
export interface ArticleMetadata {
  description: string;
  /** Its dates and topics, for Open Graph. */
  times: ArticleOpenGraph;
  image: SocialImage;
  jsonLd: WithContext<NewsArticle>;
}

/** Gathers an article's metadata from its frontmatter: one place, so tags and JSON-LD agree. */
export function articleMetadata(
  data: ArticleMetadataFields,
  { url, cardUrl, siteName, language, publisher, personUrl, picture }: ArticleSetting,
): ArticleMetadata {
  const description = articleDescription(data);
  const times: ArticleOpenGraph = {
    publishedTime: formatIsoWithOffset(data.published, data.timezone),
    // The latest change a reader could see: an update or a correction.
    modifiedTime: formatIsoWithOffset(lastModified(data), data.timezone),
    tags: data.topics,
  };
  const image = picture?.card ?? cardImage(cardUrl, `${siteName}: ${data.headline}`);
  const jsonLd = newsArticleJsonLd({
    url,
    headline: data.headline,
    description,
    datePublished: times.publishedTime,
    dateModified: times.modifiedTime,
    authors: data.byline.authors,
    organisation: data.byline.organisation,
    contributors: data.byline.contributors,
    keywords: data.topics,
    imageUrls: picture ? picture.structuredData : [cardUrl],
    language,
    corrections: data.corrections?.map(({ text, date }) => ({
      text,
      datePublished: formatIsoWithOffset(date, data.timezone),
    })),
    publisher,
    personUrl,
  });
  return { description, times, image, jsonLd };
}
