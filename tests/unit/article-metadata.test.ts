import { readFile } from "node:fs/promises";
import { parseFrontmatter } from "@astrojs/markdown-remark";
import { describe, expect, test } from "vitest";
import { articleMetadata } from "../../src/lib/article-metadata";
import { personPath } from "../../src/lib/site-urls";
import { articleSchema } from "../../src/content/schema/article";

const g20File = new URL("../../content/articles/putin-g20-obama-turkey-talk.md", import.meta.url);
const g20 = articleSchema.parse(parseFrontmatter(await readFile(g20File, "utf8")).frontmatter);
const setting = {
  url: "https://news.example.org/reader/articles/2015-11-15/putin/",
  cardUrl: "https://news.example.org/reader/articles/2015-11-15/putin/card.png",
  siteName: "Broadsheet",
  language: "en",
  publisher: {
    name: "Broadsheet",
    url: "https://news.example.org/reader/",
    logoUrl: "https://news.example.org/reader/favicon.svg",
    correctionsPolicy: "https://news.example.org/reader/about/corrections/",
    publishingPrinciples: "https://news.example.org/reader/about/principles/",
  },
  personUrl: (name: string) => `https://news.example.org/reader/${personPath(name)}`,
};

describe("articleMetadata", () => {
  test("dates the G-20 article in Istanbul's offset, published and updated", () => {
    expect(articleMetadata(g20, setting).times).toEqual({
      publishedTime: "2015-11-15T00:00:00+02:00",
      modifiedTime: "2015-11-16T00:00:00+02:00",
      tags: ["G-20", "Russia", "United States", "Syrian War", "Islamic State"],
    });
  });

  test("names the site's publisher, not the byline's organisation, as the JSON-LD's publisher", () => {
    const { jsonLd } = articleMetadata(g20, setting);
    expect(jsonLd.publisher).toMatchObject({
      "@type": "NewsMediaOrganization",
      name: "Broadsheet",
      correctionsPolicy: setting.publisher.correctionsPolicy,
    });
    expect(jsonLd.author).toEqual([{ "@type": "Organization", name: "Bloomberg News" }]);
  });

  test("gives the topics as Open Graph tags and as the JSON-LD's keywords, alike", () => {
    const { times, jsonLd } = articleMetadata(g20, setting);
    expect(jsonLd.keywords).toEqual(times.tags);
    expect(articleMetadata({ ...g20, topics: [] }, setting).jsonLd).not.toHaveProperty("keywords");
  });

  test("gives the publication date as the modified date of an article never updated", () => {
    const { times, jsonLd } = articleMetadata({ ...g20, updated: undefined }, setting);
    expect(times.modifiedTime).toBe("2015-11-15T00:00:00+02:00");
    expect(jsonLd.dateModified).toBe("2015-11-15T00:00:00+02:00");
  });

  test("dates the last change at the latest correction, when it is later than the update", () => {
    const corrections = [
      { date: "2015-11-16", text: "An earlier version misnamed the city.", paragraph: 2 },
      { date: "2015-11-18", text: "An earlier version misquoted Putin." },
    ];
    const { times, jsonLd } = articleMetadata({ ...g20, corrections }, setting);
    expect(times.modifiedTime).toBe("2015-11-18T00:00:00+02:00");
    expect(jsonLd.dateModified).toBe("2015-11-18T00:00:00+02:00");
    expect(jsonLd.correction).toEqual([
      {
        "@type": "CorrectionComment",
        text: "An earlier version misnamed the city.",
        datePublished: "2015-11-16T00:00:00+02:00",
      },
      {
        "@type": "CorrectionComment",
        text: "An earlier version misquoted Putin.",
        datePublished: "2015-11-18T00:00:00+02:00",
      },
    ]);
    const earlier = articleMetadata({ ...g20, corrections: corrections.slice(0, 1) }, setting);
    expect(earlier.times.modifiedTime).toBe("2015-11-16T00:00:00+02:00");
    expect(
      articleMetadata({ ...g20, updated: "2015-11-20", corrections }, setting).times.modifiedTime,
    ).toBe("2015-11-20T00:00:00+02:00");
  });

  test("says nothing of corrections in the JSON-LD of an article never corrected", () => {
    expect(articleMetadata(g20, setting).jsonLd).not.toHaveProperty("correction");
  });

  test("uses the social card as the link-preview image and in the JSON-LD", () => {
    const { image, jsonLd } = articleMetadata(g20, setting);
    expect(image).toEqual({
      url: setting.cardUrl,
      alt: "Broadsheet: Putin Goes From G-20 Pariah to Player at Obama Turkey Talk",
      width: 1200,
      height: 630,
      type: "image/png",
    });
    expect(jsonLd.image).toEqual([setting.cardUrl]);
  });

  test("uses a lead picture's crops instead, when it has one", () => {
    const card = {
      url: "https://news.example.org/_astro/crowd.Ab_Cd.jpg",
      alt: "A crowd in Antalya",
      width: 1200,
      height: 630,
      type: "image/jpeg",
    };
    const crops = ["16x9", "4x3", "1x1"].map(
      (ratio) => `https://news.example.org/_astro/${ratio}.jpg`,
    );
    const { image, jsonLd } = articleMetadata(g20, {
      ...setting,
      picture: { card, structuredData: crops },
    });
    expect(image).toEqual(card);
    expect(jsonLd.image).toEqual(crops);
  });

  test("describes the article by its bullets, the same in the tags and the JSON-LD", () => {
    const { description, jsonLd } = articleMetadata(g20, setting);
    expect(description).toBe(
      "Meeting on summit sideline first since Russia bombed Syria. Russia seeks collaboration on Syrian war, fighting terrorism.",
    );
    expect(jsonLd.description).toBe(description);
  });

  test("links each contributor in the JSON-LD to their page on the site", () => {
    const { jsonLd } = articleMetadata(g20, setting);
    expect(jsonLd.contributor).toContainEqual({
      "@type": "Person",
      name: "Robert Hutton",
      url: "https://news.example.org/reader/people/robert-hutton/",
    });
  });
});
