import { z } from "astro/zod";
import { describe as group, expect, test } from "vitest";
import { describe } from "../../src/content/checks/describe-value";
import { explainIssues } from "../../src/content/checks/explain-issues";
import { fieldLabel, fieldNamesAt } from "../../src/content/checks/schema-fields";
import { articleSchema } from "../../src/content/schema/article";

group("fieldLabel", () => {
  test("names a field as the editor finds it in the file", () => {
    expect(fieldLabel(["headline"])).toBe("`headline`");
    expect(fieldLabel(["byline", "authors"])).toBe("`byline.authors`");
    expect(fieldLabel(["bullets", 1])).toBe("`bullets` item 2");
    expect(fieldLabel(["related", 0, "url"])).toBe("`url` of `related` item 1");
    expect(fieldLabel(["byline", "authors", 2])).toBe("`byline.authors` item 3");
  });
});

group("fieldNamesAt", () => {
  test("lists the fields of the object at a path, through optionals, defaults and lists", () => {
    expect(fieldNamesAt(articleSchema, ["byline"])).toEqual([
      "authors",
      "organisation",
      "contributors",
    ]);
    expect(fieldNamesAt(articleSchema, ["related", 0])).toEqual(["title", "url"]);
    expect(fieldNamesAt(articleSchema, [])).toContain("headline");
    // `updateNote` is text, or fields after a preprocess step.
    expect(fieldNamesAt(articleSchema, ["updateNote"])).toEqual(["text", "paragraph"]);
  });

  test("lists nothing where there is no object", () => {
    expect(fieldNamesAt(articleSchema, ["headline"])).toEqual([]);
    expect(fieldNamesAt(articleSchema, ["nothing", "here"])).toEqual([]);
  });
});

group("describe", () => {
  test("says what a YAML value is, in words", () => {
    expect(describe(null)).toBe("empty");
    expect(describe("yes")).toBe("the text “yes”");
    expect(describe(3)).toBe("the number 3");
    expect(describe(true)).toBe("`true`");
    expect(describe([1])).toBe("a list");
    expect(describe({ a: 1 })).toBe("a group of `field: value` lines");
    expect(describe(new Date("2015-11-15T00:00:00Z"))).toBe("the date 2015-11-15T00:00:00.000Z");
  });

  test("shortens long text to one line", () => {
    expect(describe(`${"word ".repeat(30)}\nend`)).toMatch(/^the text “(word ){11}word…”$/);
  });
});

group("explainIssues", () => {
  test("falls back to Zod's own message, after a colon, for a check the schema did not word", () => {
    const schema = z.strictObject({ count: z.number().min(3) });
    const result = schema.safeParse({ count: 1 }, { reportInput: true });
    expect(explainIssues(result.error!.issues, { schema })).toEqual([
      "`count`: Too small: expected number to be >=3",
    ]);
  });

  test("suggests nothing for an unknown key that is no near miss, and lists the fields instead", () => {
    const schema = z.strictObject({ headline: z.string(), bullets: z.array(z.string()) });
    const result = schema.safeParse({ headline: "x", bullets: [], category: "y" });
    expect(explainIssues(result.error!.issues, { schema })).toEqual([
      "`category` is not a field (the fields here: `headline`, `bullets`)",
    ]);
  });
});
