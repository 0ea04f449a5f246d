import { describe, expect, test } from "vitest";
import { checkFrontmatter } from "../../src/content/checks/frontmatter-check";
import { formatProblem } from "../../src/content/checks/problems";
import { articleSchema } from "../../src/content/schema/article";
import { fieldSynonyms } from "../../src/content/schema/field-synonyms";

const file = "content/articles/x.md";

const goodFields = [
  "headline: A Short Test Article",
  "bullets:",
  "  - The first point",
  "byline:",
  "  organisation: Test Wire",
  "published: 2024-03-01",
  "timezone: Europe/London",
];

/** A Markdown file with the given frontmatter lines. */
function article(lines: readonly string[]): string {
  return ["---", ...lines, "---", "", "The first paragraph.", ""].join("\n");
}

/** The lines an editor would read for a file with these frontmatter lines. */
function messages(lines: readonly string[]): string[] {
  const check = checkFrontmatter(file, article(lines), {
    schema: articleSchema,
    synonyms: fieldSynonyms,
  });
  return check.ok ? [] : check.problems.map(formatProblem);
}

/** The good fields with one replaced (by key), removed (`undefined`) or added. */
function withField(key: string, line: string | undefined): string[] {
  const index = goodFields.findIndex((field) => field.startsWith(`${key}:`));
  const lines = [...goodFields];
  // `bullets` and `byline` take two lines.
  const length = key === "bullets" || key === "byline" ? 2 : 1;
  if (index < 0) lines.push(line!);
  else lines.splice(index, length, ...(line === undefined ? [] : [line]));
  return lines;
}

describe("checkFrontmatter", () => {
  test("accepts a good article and returns its data", () => {
    const check = checkFrontmatter(file, article(goodFields), { schema: articleSchema });
    expect(check).toMatchObject({ ok: true, data: { headline: "A Short Test Article" } });
  });

  test.each([
    ["a missing headline", withField("headline", undefined), "`headline` is missing"],
    ["an empty headline", withField("headline", 'headline: ""'), "`headline` must not be empty"],
    [
      "a blank headline",
      withField("headline", "headline:"),
      "`headline` must be text, but it is empty",
    ],
    [
      "a date that is not a date",
      withField("published", "published: next Sunday"),
      "`published` must be a calendar date written as YYYY-MM-DD, for example 2015-11-15 (it says “next Sunday”)",
    ],
    [
      "a day that does not exist, which YAML would roll over into March",
      withField("published", "published: 2015-02-30"),
      "`published` must be a calendar date written as YYYY-MM-DD, for example 2015-11-15 (it says “2015-02-30”)",
    ],
    [
      "a date with a time",
      withField("published", "published: 2015-11-15T17:47:00+02:00"),
      "`published` must be a calendar date written as YYYY-MM-DD, for example 2015-11-15 (it says “2015-11-15T17:47:00+02:00”)",
    ],
    [
      "an update before publication",
      [...goodFields, "updated: 2024-02-28"],
      "`updated` must not be before `published` (2024-02-28 is before 2024-03-01)",
    ],
    [
      "no bullets",
      withField("bullets", "bullets: []"),
      "`bullets` needs at least one summary bullet",
    ],
    [
      "too many bullets",
      withField("bullets", "bullets: [one, two, three, four, five, six]"),
      "`bullets` takes at most five summary bullets",
    ],
    [
      "an empty bullet",
      withField("bullets", 'bullets: [one, ""]'),
      "`bullets` item 2 must not be empty",
    ],
    [
      "a wrong type",
      [...goodFields, "draft: yes"],
      "`draft` must be `true` or `false`, but it is the text “yes”",
    ],
    [
      "a number for text",
      withField("headline", "headline: 2015"),
      "`headline` must be text, but it is the number 2015",
    ],
    [
      "a single bullet not in a list",
      withField("bullets", "bullets: Just one"),
      "`bullets` must be a list, but it is the text “Just one”",
    ],
    [
      "a typo'd key",
      withField("headline", "hedline: A Short Test Article"),
      "`hedline` is not a field — did you mean `headline`?",
    ],
    [
      "a typo'd key in the update note",
      [...goodFields, "updateNote: { txt: Updates with a quote., paragraph: 2 }"],
      "`updateNote.txt` is not a field — did you mean `updateNote.text`?",
    ],
    [
      "a key from another system",
      withField("headline", "title: A Short Test Article"),
      "`title` is not a field — did you mean `headline`?",
    ],
    [
      "a typo'd key in the byline",
      withField("byline", "byline: { organisation: Test Wire, author: [Jane Doe] }"),
      "`byline.author` is not a field — did you mean `byline.authors`?",
    ],
    [
      "an author put at the top level",
      [...goodFields, "authors: [Jane Doe]"],
      "`authors` is not a field — did you mean `byline.authors`?",
    ],
    [
      "a key that is no near miss",
      [...goodFields, "colour: blue"],
      "`colour` is not a field (the fields here: `headline`, `bullets`, `byline`, `published`, `updated`, `timezone`, `updateNote`, `corrections`, `topics`, `image`, `related`, `description`, `slug`, `formerSlugs`, `formerIds`, `lead`, `draft`)",
    ],
    [
      "tags, as other systems call topics",
      [...goodFields, "tags: [politics]"],
      "`tags` is not a field — did you mean `topics`?",
    ],
    [
      "aliases, as Hugo calls a page's old addresses",
      [...goodFields, "aliases: [old-headline]"],
      "`aliases` is not a field — did you mean `formerSlugs`?",
    ],
    [
      "an unknown time zone",
      withField("timezone", "timezone: Europe/Antalya"),
      "`timezone` must be an IANA time zone name, for example Europe/Istanbul or America/New_York (it says “Europe/Antalya”)",
    ],
    [
      "a related link that runs script",
      [...goodFields, "related: [{ title: Video, url: 'javascript:alert(1)' }]"],
      "`url` of `related` item 1 must be a web address starting with https:// or http:// (it says “javascript:alert(1)”)",
    ],
    [
      "a related item without a title",
      [...goodFields, "related: [{ url: 'https://example.org/' }]"],
      "`title` of `related` item 1 is missing",
    ],
    [
      "a former slug that is not a slug",
      [...goodFields, "formerSlugs: [old-headline, 'Old Headline']"],
      "`formerSlugs` item 2 must be lowercase letters and digits joined by single hyphens (it says “Old Headline”)",
    ],
    [
      "a former slug listed twice",
      [...goodFields, "formerSlugs: [old-headline, old-headline]"],
      "`formerSlugs` lists “old-headline” twice",
    ],
    [
      "a lead date that is not a date",
      [...goodFields, "lead: { until: next week }"],
      "`lead.until` must be a calendar date written as YYYY-MM-DD, for example 2015-11-15 (it says “next week”)",
    ],
    [
      "a lead that ends before the article is published",
      [...goodFields, "lead: { until: 2024-02-01 }"],
      "`lead.until` must not be before `published` (2024-02-01 is before 2024-03-01)",
    ],
    [
      "a typo'd key in the lead",
      [...goodFields, "lead: { untill: 2024-03-08 }"],
      "`lead.untill` is not a field — did you mean `lead.until`?",
    ],
    [
      "a former id that is not an id",
      [...goodFields, "formerIds: { a-section: 'old section' }"],
      "`formerIds.a-section` must be an id such as assads-future: letters, digits and hyphens (it says “old section”)",
    ],
  ])("names the field and the reason for %s", (_, lines, message) => {
    expect(messages(lines)).toEqual([`${file}: ${message}`]);
  });

  test("takes keys named like JavaScript's own properties as plain unknown keys", () => {
    for (const key of ["__proto__", "constructor", "toString"]) {
      expect(messages([...goodFields, `"${key}": 0`])[0]).toMatch(
        new RegExp(`^${file}: \`${key}\` is not a field`),
      );
    }
    expect(
      messages(withField("byline", 'byline: { organisation: Wire, "constructor": 1 }')),
    ).toEqual([
      `${file}: \`byline.constructor\` is not a field (the fields here: \`authors\`, \`organisation\`, \`contributors\`)`,
    ]);
  });

  test("names every problem of a file, one a line", () => {
    expect(messages(["hedline: x", "bullets: []", "timezone: Mars/Olympus"])).toEqual([
      `${file}: \`hedline\` is not a field — did you mean \`headline\`?`,
      `${file}: \`bullets\` needs at least one summary bullet`,
      `${file}: \`byline\` is missing`,
      `${file}: \`published\` is missing`,
      `${file}: \`timezone\` must be an IANA time zone name, for example Europe/Istanbul or America/New_York (it says “Mars/Olympus”)`,
    ]);
  });

  test("gives the line of YAML that does not parse", () => {
    const lines = [...goodFields, "related: [oops", "updateNote: Updated."];
    expect(messages(lines)).toEqual([
      `${file}:10: the frontmatter does not parse: missed comma between flow collection entries`,
    ]);
    expect(messages(["headline: one", "headline: two"])).toEqual([
      `${file}:3: the frontmatter does not parse: duplicated mapping key`,
    ]);
  });

  test("says so when a file has no frontmatter", () => {
    const check = checkFrontmatter(file, "Just a body.\n", { schema: articleSchema });
    expect(check.ok ? [] : check.problems.map(formatProblem)).toEqual([
      `${file}: has no frontmatter: start the file with its fields (headline, bullets, …) between two \`---\` lines`,
    ]);
  });

  test("says so when the frontmatter is a list instead of fields", () => {
    expect(messages(["- headline", "- bullets"])).toEqual([
      `${file}: the frontmatter must be a list of \`field: value\` lines, but it is a list`,
    ]);
  });
});
