import { access, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { articlePath } from "../../src/lib/site-urls";
import { checkFrontmatter } from "../../src/content/checks/frontmatter-check";
import { formatProblem } from "../../src/content/checks/problems";
import { articleSchema } from "../../src/content/schema/article";
import { fieldSynonyms } from "../../src/content/schema/field-synonyms";
import { buildSite } from "../support/build";

/** A YAML value written as it is (a date, a word, broken syntax), not as JSON. */
class Raw {
  constructor(readonly text: string) {}
}

const anyValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);
const text = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom("Talks Resume", "Россия и Сирия", "普京", "A & B: “Quotes”"),
  },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: anyValue },
);
const date = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1990, max: 2030 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(
      ([y, m, d]) => new Raw(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
    ),
  fc.constantFrom(
    new Raw("next Friday"),
    new Raw("2015-11-15T17:47:00+02:00"),
    new Raw("15/11/2015"),
  ),
  anyValue,
);
/** Frontmatter fields: mostly the schema's, with good and bad values, sometimes missing, sometimes unknown. */
const frontmatter = fc.record(
  {
    headline: text,
    bullets: fc.oneof(fc.array(text, { maxLength: 7 }), anyValue),
    byline: fc.oneof(
      fc.record(
        { organisation: text, authors: fc.array(text, { maxLength: 2 }) },
        { requiredKeys: [] },
      ),
      anyValue,
    ),
    published: date,
    updated: date,
    timezone: fc.oneof(
      fc.constantFrom("Europe/Vienna", "UTC", "Asia/Tokyo", "Mars/Olympus"),
      anyValue,
    ),
    draft: fc.oneof(fc.boolean(), anyValue),
    topics: fc.oneof(
      fc.array(fc.constantFrom("Russia", "Rusia", "Syrian War", "Syrian war", "", "***"), {
        maxLength: 3,
      }),
      anyValue,
    ),
    slug: fc.oneof(fc.constantFrom("talks", "Talks Resume", "a--b"), anyValue),
    formerSlugs: fc.oneof(
      fc.array(fc.constantFrom("talks", "old-talks", "Old Talks", "a--b"), { maxLength: 3 }),
      anyValue,
    ),
    related: fc.oneof(
      fc.array(
        fc.record(
          { title: text, url: fc.oneof(fc.webUrl(), fc.constant("javascript:alert(1)"), anyValue) },
          { requiredKeys: [] },
        ),
        { maxLength: 2 },
      ),
      anyValue,
    ),
    formerIds: fc.oneof(
      fc.dictionary(fc.constantFrom("talks", "the-talks", "x y"), fc.constantFrom("old", "#old")),
      anyValue,
    ),
  },
  { requiredKeys: [] },
);
/** Typos and strangers: `hedline`, `title`, anything. */
const unknownKey = fc.oneof(
  fc.constantFrom("hedline", "title", "Bullets", "tags", "time_zone"),
  fc.string(),
);

/** YAML text for the fields, one `key: value` line each. */
const frontmatterText = fc
  .tuple(frontmatter, fc.array(fc.tuple(unknownKey, anyValue), { maxLength: 2 }))
  .map(([fields, extra]) =>
    [...Object.entries(fields), ...extra]
      .map(
        ([key, value]) =>
          `${JSON.stringify(key)}: ${value instanceof Raw ? value.text : JSON.stringify(value)}`,
      )
      .join("\n"),
  );
/** Whole files: good-looking frontmatter, or anything at all between the fences. */
const source = fc
  .tuple(
    fc.oneof({ weight: 5, arbitrary: frontmatterText }, { weight: 1, arbitrary: fc.string() }),
    fc.string(),
  )
  .map(([yaml, body]) => `---\n${yaml}\n---\n\n${body}\n`);

/** A problem line as an editor reads it: file, optional line, a message of one line. */
function isCleanLine(line: string, file: string): boolean {
  const rest = line.slice(file.length);
  // What the editor wrote is quoted as written (“NaN” is a text they may
  // write); the rest is ours and must hold no leaked JavaScript value.
  const ours = rest.replace(/“[^”]*”/g, "“”");
  return (
    line.startsWith(file) &&
    /^(:\d+)?: \S/.test(rest) &&
    !/\n|undefined|\[object |NaN|Error:|^\s+at /.test(ours)
  );
}

describe("random frontmatter", () => {
  test("is either accepted or explained in clean lines naming the file, never a crash", () => {
    const file = "content/articles/random.md";
    fc.assert(
      fc.property(source, (text) => {
        const check = checkFrontmatter(file, text, {
          schema: articleSchema,
          synonyms: fieldSynonyms,
        });
        if (check.ok) {
          expect(articleSchema.safeParse(check.data).success).toBe(true);
        } else {
          expect(check.problems.length).toBeGreaterThan(0);
          for (const problem of check.problems)
            expect(isCleanLine(formatProblem(problem), file)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  const bodies = fc.array(
    fc.constantFrom(
      "A paragraph.",
      "## Talks",
      "## Talks",
      "## ***",
      "## Россия",
      "## Main",
      "## Pinned {#pinned}",
      "<script>alert(1)</script>",
      '<img src="https://example.org/a.png" onerror="alert(1)">',
      "[link](javascript:alert(1))",
    ),
    { maxLength: 6 },
  );
  /** Frontmatter that mostly passes, so that most builds get as far as rendering. */
  const validFrontmatter = fc
    .record({
      headline: fc.constantFrom("Talks Resume", "Россия и Сирия", "普京", "<b>Bold</b> & “Quoted”"),
      bullets: fc.array(fc.constantFrom("A point", "Another"), { minLength: 1, maxLength: 3 }),
      day: fc.integer({ min: 1, max: 28 }),
      timezone: fc.constantFrom("Europe/Vienna", "UTC", "Asia/Tokyo"),
      draft: fc.boolean(),
      // Across articles, near-duplicate topics and names that share a page.
      topics: fc.subarray(["Russia", "Rusia", "Syrian War", "G-20"]),
      contributors: fc.subarray(["José García", "Jose Garcia", "Robert Hutton"]),
      formerIds: fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom("{ talks: [old-talks] }", "{ nowhere: [old] }") },
      ),
    })
    .map(({ headline, bullets, day, timezone, draft, topics, contributors, formerIds }) =>
      [
        `headline: ${JSON.stringify(headline)}`,
        `bullets: ${JSON.stringify(bullets)}`,
        `byline: { organisation: Wire, contributors: ${JSON.stringify(contributors)} }`,
        `topics: ${JSON.stringify(topics)}`,
        `published: 2024-03-${String(day).padStart(2, "0")}`,
        `timezone: ${timezone}`,
        `draft: ${draft}`,
        ...(formerIds === undefined ? [] : [`formerIds: ${formerIds}`]),
      ].join("\n"),
    );
  const articles = fc.array(
    fc.tuple(
      fc.oneof(
        { weight: 12, arbitrary: validFrontmatter },
        { weight: 1, arbitrary: frontmatterText },
      ),
      bodies,
    ),
    { minLength: 1, maxLength: 3 },
  );

  test("through real builds: each builds its pages or stops with clean lines naming the files", async () => {
    await fc.assert(
      fc.asyncProperty(articles, async (list) => {
        const dir = await mkdtemp(join(tmpdir(), "broadsheet-random-"));
        let workDir = "";
        try {
          const files = list.map(([yaml, body], index) => ({
            file: join(dir, `article-${index + 1}.md`),
            text: `---\n${yaml}\n---\n\n${body.join("\n\n")}\n`,
          }));
          await Promise.all(files.map(({ file, text }) => writeFile(file, text)));
          const checks = files.map(({ file, text }) =>
            checkFrontmatter(file, text, { schema: articleSchema, synonyms: fieldSynonyms }),
          );
          const build = await buildSite({ CONTENT_DIR: dir });
          const { exitCode, output } = build;
          workDir = build.workDir;

          expect(output).not.toMatch(/Stack trace|^\s+at |\[\w*Error\]/m);
          const problemLines = output.split("\n").filter((line) => line.startsWith(dir));
          for (const line of problemLines)
            expect(isCleanLine(line, line.slice(0, line.indexOf(".md") + 3))).toBe(true);
          const expected = checks.flatMap((check) =>
            check.ok ? [] : check.problems.map(formatProblem),
          );
          if (expected.length > 0) {
            // The frontmatter's problems, exactly as the in-process check words them.
            expect(exitCode).toBe(1);
            for (const line of expected) expect(problemLines).toContain(line);
          } else if (exitCode === 0) {
            const published = new Set(
              checks.flatMap((check) =>
                check.ok && !check.data.draft ? [articlePath(check.data)] : [],
              ),
            );
            for (const path of published) await access(join(build.outDir, path));
            // A draft is never published (unless a published article has its URL).
            for (const check of checks) {
              if (!check.ok || !check.data.draft || published.has(articlePath(check.data)))
                continue;
              await expect(access(join(build.outDir, articlePath(check.data)))).rejects.toThrow();
            }
          } else {
            // Problems only a render finds: a pinned id taken twice, a shared URL, …
            expect(exitCode).toBe(1);
            expect(problemLines.length).toBeGreaterThan(0);
          }
        } finally {
          await rm(dir, { recursive: true, force: true });
          if (workDir) await rm(workDir, { recursive: true, force: true });
        }
      }),
      { numRuns: 5 },
    );
  }, 240_000);
});
