import { readFile } from "node:fs/promises";
import { parseFrontmatter } from "@astrojs/markdown-remark";
import { describe, expect, test } from "vitest";
import { articleSchema } from "../../src/content/schema/article";

const g20File = new URL("../../content/articles/putin-g20-obama-turkey-talk.md", import.meta.url);
const g20 = parseFrontmatter(await readFile(g20File, "utf8")).frontmatter;

/** The issues the schema reports, as "path: message". */
function problems(frontmatter: Record<string, unknown>): string[] {
  const result = articleSchema.safeParse(frontmatter);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("articleSchema", () => {
  test("accepts the G-20 article and fills the defaults", () => {
    const data = articleSchema.parse(g20);
    expect(data.headline).toBe("Putin Goes From G-20 Pariah to Player at Obama Turkey Talk");
    expect(data.published).toBe("2015-11-15");
    expect(data.updated).toBe("2015-11-16");
    expect(data.timezone).toBe("Europe/Istanbul");
    expect(data.byline).toEqual({
      authors: [],
      organisation: "Bloomberg News",
      contributors: ["Robert Hutton", "Henry Meyer", "Ryan Chilcote", "Stepan Kravchenko"],
    });
    expect(data.topics).toEqual(["G-20", "Russia", "United States", "Syrian War", "Islamic State"]);
    expect(data.related).toEqual([{ title: "The Political Implications of the Paris Attacks" }]);
    expect(data.updateNote).toEqual({
      text: "(Updates with Putin comment in third paragraph.)",
      paragraph: 3,
    });
    expect(data.draft).toBe(false);
  });

  test("takes a lead until a day, and none by default", () => {
    expect(articleSchema.parse(g20).lead).toBeUndefined();
    expect(articleSchema.parse({ ...g20, lead: { until: "2015-11-22" } }).lead).toEqual({
      until: "2015-11-22",
    });
    // Leading and publishing on the same day is a lead of one day.
    expect(problems({ ...g20, lead: { until: "2015-11-15" } })).toEqual([]);
    expect(problems({ ...g20, lead: { until: "2015-11-14" } })).toEqual([
      "lead.until: must not be before `published` (2015-11-14 is before 2015-11-15)",
    ]);
    expect(problems({ ...g20, lead: {} })).toEqual([expect.stringMatching(/^lead\.until: /)]);
    expect(problems({ ...g20, lead: true })).toEqual([expect.stringMatching(/^lead: /)]);
  });

  test("takes no topics by default", () => {
    const untagged: Record<string, unknown> = { ...g20 };
    delete untagged["topics"];
    expect(articleSchema.parse(untagged).topics).toEqual([]);
  });

  test("rejects an empty topic, a topic with nothing to make an address from, and duplicates", () => {
    expect(problems({ ...g20, topics: ["Russia", " "] })).toEqual(["topics.1: must not be empty"]);
    expect(problems({ ...g20, topics: ["***"] })).toEqual([
      "topics.0: needs letters or digits, to make its page's address from",
    ]);
    expect(problems({ ...g20, topics: ["Russia", "Syria", "Russia"] })).toEqual([
      "topics: lists “Russia” twice",
    ]);
    expect(problems({ ...g20, topics: ["Syrian War", "Syrian war"] })).toEqual([
      "topics: lists both “Syrian War” and “Syrian war”, which are one topic: keep one",
    ]);
  });

  test("rejects a byline name with nothing to make a person's page address from", () => {
    expect(
      problems({ ...g20, byline: { organisation: "Bloomberg News", contributors: ["—"] } }),
    ).toEqual(["byline.contributors.0: needs letters or digits, to make its page's address from"]);
  });

  test("rejects a missing headline", () => {
    const withoutHeadline = { ...g20 };
    delete withoutHeadline["headline"];
    expect(problems(withoutHeadline)).toEqual([expect.stringMatching(/^headline: /)]);
  });

  test("rejects an empty headline", () => {
    expect(problems({ ...g20, headline: "   " })).toEqual(["headline: must not be empty"]);
  });

  test("rejects an unknown key such as a typo'd headline", () => {
    expect(problems({ ...g20, hedline: "x" })).toEqual([expect.stringContaining("hedline")]);
  });

  test("rejects an unknown key inside the byline", () => {
    expect(problems({ ...g20, byline: { organisation: "Bloomberg News", author: "X" } })).toEqual([
      expect.stringContaining("author"),
    ]);
  });

  test("rejects no bullets and more than five", () => {
    expect(problems({ ...g20, bullets: [] })).toEqual([
      "bullets: needs at least one summary bullet",
    ]);
    expect(problems({ ...g20, bullets: ["1", "2", "3", "4", "5", "6"] })).toEqual([
      "bullets: takes at most five summary bullets",
    ]);
  });

  test("rejects a date that is not a date, and a date with a time", () => {
    expect(problems({ ...g20, published: "next Sunday" })).toEqual([
      "published: must be a calendar date written as YYYY-MM-DD, for example 2015-11-15",
    ]);
    expect(problems({ ...g20, published: "2015-02-30" })).toHaveLength(1);
    expect(problems({ ...g20, published: new Date("2015-11-15T17:47:00+02:00") })).toHaveLength(1);
  });

  test("accepts a quoted date string", () => {
    expect(articleSchema.parse({ ...g20, published: "2015-11-15" }).published).toBe("2015-11-15");
  });

  test("rejects an update before publication", () => {
    expect(problems({ ...g20, updated: new Date("2015-11-14") })).toEqual([
      "updated: must not be before `published` (2015-11-14 is before 2015-11-15)",
    ]);
  });

  test("rejects an unknown time zone", () => {
    expect(problems({ ...g20, timezone: "Europe/Antalya" })).toEqual([
      expect.stringMatching(/^timezone: must be an IANA time zone name/),
    ]);
  });

  test("rejects a wrong type", () => {
    expect(problems({ ...g20, draft: "yes" })).toEqual([expect.stringMatching(/^draft: /)]);
  });

  test("rejects a related item without a title or with a bad URL", () => {
    expect(problems({ ...g20, related: [{ url: "https://example.org/" }] })).toEqual([
      expect.stringMatching(/^related\.0\.title: /),
    ]);
    expect(problems({ ...g20, related: [{ title: "x", url: "not a url" }] })).toEqual([
      expect.stringMatching(/^related\.0\.url: /),
    ]);
  });

  test("rejects a related link to anything but a web page, such as javascript: or data:", () => {
    for (const url of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,x",
      "ftp://x.org/",
    ]) {
      expect(problems({ ...g20, related: [{ title: "x", url }] })).toEqual([
        "related.0.url: must be a web address starting with https:// or http://",
      ]);
    }
    expect(problems({ ...g20, related: [{ title: "x", url: "https://example.org/" }] })).toEqual(
      [],
    );
  });

  test("accepts former ids of a section, as one id or a list", () => {
    const data = articleSchema.parse({
      ...g20,
      formerIds: { "assads-future": "assads-fate", "higher-stakes": ["stakes", "раунд-2"] },
    });
    expect(data.formerIds).toEqual({
      "assads-future": "assads-fate",
      "higher-stakes": ["stakes", "раунд-2"],
    });
  });

  test("rejects former ids that are not ids, and an empty list of them", () => {
    expect(problems({ ...g20, formerIds: { "assads future": "x" } })).toEqual([
      "formerIds.assads future: is not a section id: use the id as it appears after # in the section's link",
    ]);
    expect(problems({ ...g20, formerIds: { "assads-future": [] } })).toEqual([
      "formerIds.assads-future: must list a former id",
    ]);
    expect(problems({ ...g20, formerIds: { "assads-future": ["#fate"] } })).toEqual([
      "formerIds.assads-future.0: must be an id such as assads-future: letters, digits and hyphens",
    ]);
  });

  test("rejects a pinned slug that is not lowercase and hyphenated", () => {
    expect(problems({ ...g20, slug: "Putin Obama" })).toEqual([
      "slug: must be lowercase letters and digits joined by single hyphens",
    ]);
  });

  test("accepts former slugs, the URLs the article had before", () => {
    const data = articleSchema.parse({ ...g20, formerSlugs: ["putin-meets-obama", "g20-talks"] });
    expect(data.formerSlugs).toEqual(["putin-meets-obama", "g20-talks"]);
    expect(articleSchema.parse(g20).formerSlugs).toBeUndefined();
  });

  test("rejects former slugs that are not slugs, as it rejects a pinned one", () => {
    expect(problems({ ...g20, formerSlugs: ["putin-meets-obama", "Putin Obama"] })).toEqual([
      "formerSlugs.1: must be lowercase letters and digits joined by single hyphens",
    ]);
    expect(problems({ ...g20, formerSlugs: [] })).toEqual(["formerSlugs: must list a former slug"]);
    expect(problems({ ...g20, formerSlugs: "putin-meets-obama" })).toEqual([
      expect.stringMatching(/^formerSlugs: /),
    ]);
  });

  test("rejects a former slug listed twice", () => {
    expect(problems({ ...g20, formerSlugs: ["talks", "g20", "talks"] })).toEqual([
      "formerSlugs: lists “talks” twice",
    ]);
  });

  test("rejects a former slug that is the article's slug now, pinned or made from the headline", () => {
    const fromHeadline = "putin-goes-from-g-20-pariah-to-player-at-obama-turkey-talk";
    expect(problems({ ...g20, formerSlugs: ["talks", fromHeadline] })).toEqual([
      `formerSlugs: lists “${fromHeadline}”, the article's slug now (/articles/2015-11-15/${fromHeadline}/): list only slugs its URL had before`,
    ]);
    expect(problems({ ...g20, slug: "talks", formerSlugs: ["talks"] })).toEqual([
      "formerSlugs: lists “talks”, the article's slug now (/articles/2015-11-15/talks/): list only slugs its URL had before",
    ]);
    // The headline's slug is a former one once a pinned slug replaces it.
    expect(problems({ ...g20, slug: "talks", formerSlugs: [fromHeadline] })).toEqual([]);
  });

  test("accepts an update note as plain text, which links no paragraph", () => {
    expect(
      articleSchema.parse({ ...g20, updateNote: "(Updates with prices.)" }).updateNote,
    ).toEqual({ text: "(Updates with prices.)" });
  });

  test("rejects an update note whose text does not name its paragraph", () => {
    expect(
      problems({
        ...g20,
        updateNote: { text: "(Updates with comment in third paragraph.)", paragraph: 4 },
      }),
    ).toEqual([
      "updateNote.text: must name paragraph 4 so the page can link it: write “fourth paragraph” or “4th paragraph”",
    ]);
  });

  test("rejects an update note paragraph that is not a positive whole number", () => {
    for (const paragraph of [0, -1, 2.5, "3"]) {
      expect(problems({ ...g20, updateNote: { text: "third paragraph", paragraph } })).toEqual([
        expect.stringMatching(/^updateNote\.paragraph: /),
      ]);
    }
  });

  test("rejects an update note without text, or with an unknown key", () => {
    expect(problems({ ...g20, updateNote: { paragraph: 3 } })).toEqual([
      expect.stringMatching(/^updateNote/),
    ]);
    expect(problems({ ...g20, updateNote: { text: "x", para: 3 } })).toEqual([
      expect.stringMatching(/^updateNote/),
    ]);
  });
});

describe("articleSchema: corrections", () => {
  const misnamed = {
    date: "2015-11-16",
    text: "An earlier version misnamed the city.",
    paragraph: 2,
  };

  test("takes no corrections by default, and a record of them oldest first", () => {
    expect(articleSchema.parse(g20).corrections).toEqual([]);
    const data = articleSchema.parse({
      ...g20,
      corrections: [
        { ...misnamed, date: new Date("2015-11-16") },
        { date: "2015-11-16", text: "  The headline was clarified. " },
        { date: "2015-11-20", text: "An earlier version misquoted Putin." },
      ],
    });
    expect(data.corrections).toEqual([
      misnamed,
      { date: "2015-11-16", text: "The headline was clarified." },
      { date: "2015-11-20", text: "An earlier version misquoted Putin." },
    ]);
  });

  test("takes a correction on the day of publication", () => {
    expect(problems({ ...g20, corrections: [{ ...misnamed, date: "2015-11-15" }] })).toEqual([]);
  });

  test("rejects a correction dated before publication", () => {
    expect(problems({ ...g20, corrections: [{ ...misnamed, date: "2015-11-14" }] })).toEqual([
      "corrections.0.date: must not be before `published` (2015-11-14 is before 2015-11-15)",
    ]);
  });

  test("rejects a correction dated before the one above it: a new one goes at the end", () => {
    expect(
      problems({
        ...g20,
        corrections: [
          misnamed,
          { date: "2015-11-20", text: "x" },
          { date: "2015-11-17", text: "y" },
        ],
      }),
    ).toEqual([
      "corrections.2.date: must not be before the correction above it (2015-11-17 is before 2015-11-20): list corrections oldest first, a new one at the end",
    ]);
  });

  test("rejects a correction date that is not a calendar date, as it rejects `updated`", () => {
    expect(problems({ ...g20, corrections: [{ ...misnamed, date: "yesterday" }] })).toEqual([
      "corrections.0.date: must be a calendar date written as YYYY-MM-DD, for example 2015-11-15",
    ]);
    expect(
      problems({ ...g20, corrections: [{ ...misnamed, date: new Date("2015-11-16T10:00:00Z") }] }),
    ).toHaveLength(1);
  });

  test("rejects a correction with empty text, or none", () => {
    expect(problems({ ...g20, corrections: [{ ...misnamed, text: "  " }] })).toEqual([
      "corrections.0.text: must not be empty",
    ]);
    expect(problems({ ...g20, corrections: [{ date: "2015-11-16" }] })).toEqual([
      expect.stringMatching(/^corrections\.0\.text: /),
    ]);
  });

  test("rejects a paragraph that is not a positive whole number, and an unknown key", () => {
    for (const paragraph of [0, -1, 2.5, "3"]) {
      expect(problems({ ...g20, corrections: [{ ...misnamed, paragraph }] })).toEqual([
        expect.stringMatching(/^corrections\.0\.paragraph: /),
      ]);
    }
    expect(problems({ ...g20, corrections: [{ ...misnamed, para: 2 }] })).toEqual([
      expect.stringMatching(/^corrections\.0: .*para/),
    ]);
  });
});
