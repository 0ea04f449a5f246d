/** A `<meta>` tag: Open Graph's take `property`, the others `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

/** The image a link preview shows. */
export interface SocialImage {
  /** Its absolute URL. */
  url: string;
  /** Its text alternative. */
  alt: string;
  width: number;
  height: number;
  /** Its media type: "image/png" for a drawn card, "image/jpeg" for a crop of a photo. */
  type: string;
}

/** The size Open Graph and Twitter show a large card at. */
export const CARD_WIDTH = 1200;
/** The card's height: 1200 × 630 is the 1.91:1 of a link preview. */
export const CARD_HEIGHT = 630;

/** A social card as a link preview's image: every card has the same size. */
export function cardImage(url: string, alt: string): SocialImage {
  return { url, alt, width: CARD_WIDTH, height: CARD_HEIGHT, type: "image/png" };
}

/** The dates of an article, as ISO 8601 with the offset of its time zone. */
interface ArticleTimes {
  publishedTime: string;
  modifiedTime: string;
}

/** What an article page says of itself in Open Graph: its dates, and its topics as tags. */
export interface ArticleOpenGraph extends ArticleTimes {
  /** The article's topics, one `article:tag` each. */
  tags: readonly string[];
}

/** What the link-preview tags of a page are made from. */
export interface SocialMetaInput {
  siteName: string;
  title: string;
  description: string;
  /** The page's absolute, canonical URL. */
  url: string;
  image: SocialImage;
  /** Set on article pages: they are `og:type` article, with their dates and tags. */
  article?: ArticleOpenGraph | undefined;
}

/** The Open Graph and Twitter card tags of a page. */
export function socialMetaTags({
  siteName,
  title,
  description,
  url,
  image,
  article,
}: SocialMetaInput): MetaTag[] {
  return [
    { property: "og:type", content: article ? "article" : "website" },
    { property: "og:site_name", content: siteName },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    { property: "og:url", content: url },
    { property: "og:image", content: image.url },
    { property: "og:image:type", content: image.type },
    { property: "og:image:width", content: String(image.width) },
    { property: "og:image:height", content: String(image.height) },
    { property: "og:image:alt", content: image.alt },
    ...(article
      ? [
          { property: "article:published_time", content: article.publishedTime },
          { property: "article:modified_time", content: article.modifiedTime },
          ...article.tags.map((tag) => ({ property: "article:tag", content: tag })),
        ]
      : []),
    // X reads the title, text and image from Open Graph when its own tags
    // are not there (its Cards documentation); the card's kind and the
    // image's alt it reads only from its own.
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:image:alt", content: image.alt },
  ];
}
