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

  test("uses the social card as the link-preview image and in the JSON-LD", () => {
    const { image, jsonLd } = articleMetadata(g20, setting);
    expect(image).toEqual({
      url: setting.cardUrl,
      alt: "Broadsheet: Putin Goes From G-20 Pariah to Player at Obama Turkey Talk",
      width: 1200,
      height: 630,
    });
    expect(jsonLd.image).toEqual([setting.cardUrl]);
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
