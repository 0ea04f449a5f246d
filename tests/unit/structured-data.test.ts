import type {
  CorrectionComment,
  NewsArticle,
  NewsMediaOrganization,
  Person,
  WithContext,
} from "schema-dts";
import { describe, expect, test } from "vitest";
import { newsArticleJsonLd, serializeJsonLd } from "../../src/lib/structured-data";

const publisherInput = {
  name: "Broadsheet",
  url: "https://news.example.org/",
  logoUrl: "https://news.example.org/favicon.svg",
  correctionsPolicy: "https://news.example.org/about/corrections/",
  publishingPrinciples: "https://news.example.org/about/principles/",
};

/** The publisher as Google's guidance describes a news site's: a NewsMediaOrganization with its policies. */
const publisher: NewsMediaOrganization = {
  "@type": "NewsMediaOrganization",
  name: "Broadsheet",
  url: "https://news.example.org/",
  logo: "https://news.example.org/favicon.svg",
  correctionsPolicy: "https://news.example.org/about/corrections/",
  publishingPrinciples: "https://news.example.org/about/principles/",
};

const input = {
  url: "https://news.example.org/articles/2015-11-15/putin/",
  headline: "Putin Goes From G-20 Pariah to Player at Obama Turkey Talk",
  description: "Meeting on summit sideline.",
  datePublished: "2015-11-15T00:00:00+02:00",
  dateModified: "2015-11-16T00:00:00+02:00",
  authors: [],
  organisation: "Bloomberg News",
  contributors: ["Robert Hutton", "Henry Meyer"],
  keywords: ["G-20", "Syrian War"],
  imageUrls: ["https://news.example.org/articles/2015-11-15/putin/card.png"],
  language: "en",
  publisher: publisherInput,
  personUrl: (name: string) =>
    `https://news.example.org/people/${name.toLowerCase().replaceAll(" ", "-")}/`,
};

describe("newsArticleJsonLd", () => {
  test("gives Google's NewsArticle properties", () => {
    const expected: WithContext<NewsArticle> = {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: input.headline,
      description: input.description,
      inLanguage: "en",
      url: input.url,
      mainEntityOfPage: { "@type": "WebPage", "@id": input.url },
      datePublished: "2015-11-15T00:00:00+02:00",
      dateModified: "2015-11-16T00:00:00+02:00",
      author: [{ "@type": "Organization", name: "Bloomberg News" }],
      contributor: [
        {
          "@type": "Person",
          name: "Robert Hutton",
          url: "https://news.example.org/people/robert-hutton/",
        },
        {
          "@type": "Person",
          name: "Henry Meyer",
          url: "https://news.example.org/people/henry-meyer/",
        },
      ],
      keywords: ["G-20", "Syrian War"],
      publisher,
      image: [...input.imageUrls],
    };
    expect(newsArticleJsonLd(input)).toEqual(expected);
  });

  test("names one Person a named author, in byline order, with their page, instead of the organisation", () => {
    const data = newsArticleJsonLd({ ...input, authors: ["Margaret Talev", "Ilya Arkhipov"] });
    const authors: Person[] = [
      {
        "@type": "Person",
        name: "Margaret Talev",
        url: "https://news.example.org/people/margaret-talev/",
      },
      {
        "@type": "Person",
        name: "Ilya Arkhipov",
        url: "https://news.example.org/people/ilya-arkhipov/",
      },
    ];
    expect(data.author).toEqual(authors);
    expect(data.publisher).toEqual(publisher);
  });

  test("leaves contributor out when nobody assisted, and keywords when there are no topics", () => {
    expect(newsArticleJsonLd({ ...input, contributors: [] })).not.toHaveProperty("contributor");
    expect(newsArticleJsonLd({ ...input, keywords: [] })).not.toHaveProperty("keywords");
  });
});

describe("newsArticleJsonLd, for a corrected article", () => {
  test("gives each correction as a CorrectionComment, with its text and date, oldest first", () => {
    const corrections = [
      { text: "An earlier version misnamed the city.", datePublished: "2015-11-16T00:00:00+02:00" },
      { text: "An earlier version misquoted Putin.", datePublished: "2015-11-20T00:00:00+02:00" },
    ];
    const expected: CorrectionComment[] = corrections.map((correction) => ({
      "@type": "CorrectionComment",
      ...correction,
    }));
    expect(newsArticleJsonLd({ ...input, corrections }).correction).toEqual(expected);
  });

  test("says nothing of corrections when there are none", () => {
    expect(newsArticleJsonLd({ ...input, corrections: [] })).not.toHaveProperty("correction");
    expect(newsArticleJsonLd(input)).not.toHaveProperty("correction");
  });
});

describe("serializeJsonLd", () => {
  test("cannot be ended early by text holding </script>", () => {
    const json = serializeJsonLd({ headline: "A </script><script>alert(1)</script> B" });
    expect(json).not.toContain("<");
    expect(JSON.parse(json)).toEqual({ headline: "A </script><script>alert(1)</script> B" });
  });

  test("escapes the line separators that older JavaScript parsers reject", () => {
    const json = serializeJsonLd({ text: "a\u2028b\u2029c" });
    expect(json).toBe('{"text":"a\\u2028b\\u2029c"}');
    expect(JSON.parse(json)).toEqual({ text: "a\u2028b\u2029c" });
  });
});
