import type {
  CorrectionComment,
  NewsArticle,
  NewsMediaOrganizationLeaf,
  Organization,
  Person,
  WithContext,
} from "schema-dts";

/** The site's publisher, from its masthead (src/site.config.ts), every URL absolute. */
export interface PublisherInput {
  name: string;
  /** The site's front page. */
  url: string;
  logoUrl: string;
  /** The masthead's page on how the site corrects its mistakes. */
  correctionsPolicy: string;
  /** The masthead's page on the standards the site holds itself to. */
  publishingPrinciples: string;
}

/** What an article's JSON-LD is made from. */
export interface NewsArticleInput {
  /** The article's absolute, canonical URL. */
  url: string;
  headline: string;
  description: string;
  /** ISO 8601 with the offset of the article's time zone. */
  datePublished: string;
  /** ISO 8601 with offset; the publication date when never updated. */
  dateModified: string;
  /** Named authors; when there are none, the organisation is the author. */
  authors: readonly string[];
  organisation: string;
  contributors: readonly string[];
  /** The article's topics. */
  keywords: readonly string[];
  /** The absolute URLs of the article's images: its lead picture's crops, or its social card. */
  imageUrls: readonly string[];
  /** The BCP 47 language of the text. */
  language: string;
  /** The article's corrections, oldest first: what each says, and when (ISO 8601 with offset). */
  corrections?: readonly { text: string; datePublished: string }[] | undefined;
  /** Who publishes the site the article is on. */
  publisher: PublisherInput;
  /** The absolute URL of a person's page on the site: every author and contributor has one. */
  personUrl: (name: string) => string;
}

/**
 * The site's publisher as a schema.org `NewsMediaOrganization`, with the
 * properties Google's guidance names for one: its logo and its policy pages.
 */
function newsMediaOrganization(input: PublisherInput): NewsMediaOrganizationLeaf {
  return {
    "@type": "NewsMediaOrganization",
    name: input.name,
    url: input.url,
    logo: input.logoUrl,
    correctionsPolicy: input.correctionsPolicy,
    publishingPrinciples: input.publishingPrinciples,
  };
}

/**
 * The `NewsArticle` JSON-LD of an article page, with the properties Google
 * documents for article rich results: one `author` object a person, with
 * the URL of their page, or the organisation when no person is named.
 */
export function newsArticleJsonLd(input: NewsArticleInput): WithContext<NewsArticle> {
  // The page's URL ties the person to the site's list of their articles.
  const person = (name: string): Person => ({
    "@type": "Person",
    name,
    url: input.personUrl(name),
  });
  const organisation: Organization = { "@type": "Organization", name: input.organisation };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: input.headline,
    description: input.description,
    inLanguage: input.language,
    url: input.url,
    mainEntityOfPage: { "@type": "WebPage", "@id": input.url },
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    author: input.authors.length > 0 ? input.authors.map(person) : [organisation],
    ...(input.contributors.length > 0 && { contributor: input.contributors.map(person) }),
    ...(input.keywords.length > 0 && { keywords: [...input.keywords] }),
    publisher: newsMediaOrganization(input.publisher),
    image: [...input.imageUrls],
    ...(input.corrections &&
      input.corrections.length > 0 && {
        correction: input.corrections.map(correctionComment),
      }),
  };
}

function correctionComment({
  text,
  datePublished,
}: {
  text: string;
  datePublished: string;
}): CorrectionComment {
  return { "@type": "CorrectionComment", text, datePublished };
}

/**
 * JSON for a `<script type="application/ld+json">`: "<" is escaped so that no
 * text (a headline holding "</script>") can end the element early.
 */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data)
    .replaceAll("<", "\\u003c")
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029");
}
