import { rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { buildSite, projectRoot } from "../support/build";

const fixtures = "tests/fixtures/bad-articles";

/** The absolute path a message says it tried, for a file of the fixtures. */
const tried = (path: string) => join(projectRoot, fixtures, path);

/** Each bad article, and the exact lines an editor reads when the build stops. */
const cases = [
  {
    name: "a missing headline",
    folder: "missing-headline",
    messages: ["article.md: `headline` is missing"],
  },
  {
    name: "an empty headline",
    folder: "empty-headline",
    messages: ["article.md: `headline` must not be empty"],
  },
  {
    name: "a date that is not a date",
    folder: "not-a-date",
    messages: [
      "article.md: `published` must be a calendar date written as YYYY-MM-DD, for example 2015-11-15 (it says “next Friday”)",
    ],
  },
  {
    name: "a day that does not exist (which YAML alone would roll over into March)",
    folder: "impossible-date",
    messages: [
      "article.md: `published` must be a calendar date written as YYYY-MM-DD, for example 2015-11-15 (it says “2024-02-30”)",
    ],
  },
  {
    name: "an update before publication",
    folder: "updated-before-published",
    messages: [
      "article.md: `updated` must not be before `published` (2024-02-28 is before 2024-03-01)",
    ],
  },
  {
    name: "no bullets",
    folder: "no-bullets",
    messages: ["article.md: `bullets` needs at least one summary bullet"],
  },
  {
    name: "too many bullets",
    folder: "too-many-bullets",
    messages: ["article.md: `bullets` takes at most five summary bullets"],
  },
  {
    name: "a wrong type",
    folder: "wrong-type",
    messages: ["article.md: `draft` must be `true` or `false`, but it is the text “yes”"],
  },
  {
    name: "an unknown key",
    folder: "unknown-key",
    messages: ["article.md: `hedline` is not a field — did you mean `headline`?"],
  },
  {
    name: "YAML that does not parse",
    folder: "yaml-error",
    messages: [
      "article.md:10: the frontmatter does not parse: missed comma between flow collection entries",
    ],
  },
  {
    name: "no frontmatter",
    folder: "no-frontmatter",
    messages: [
      "article.md: has no frontmatter: start the file with its fields (headline, bullets, …) between two `---` lines",
    ],
  },
  {
    name: "a related link that would run script",
    folder: "script-link",
    messages: [
      "article.md: `url` of `related` item 1 must be a web address starting with https:// or http:// (it says “javascript:alert(document.cookie)”)",
    ],
  },
  {
    name: "two articles that would get the same URL",
    folder: "same-url",
    messages: [
      `talks.md: would have the same URL as ${fixtures}/same-url/talks-copy.md (/articles/2024-03-01/talks-resume-in-vienna/): give one of them its own \`slug\``,
    ],
  },
  {
    name: "a former slug that is another article's URL",
    folder: "former-slug-taken",
    messages: [
      `outcome.md: \`formerSlugs\` lists “ministers-meet-in-geneva”, but /articles/2024-04-02/ministers-meet-in-geneva/ is the URL of ${fixtures}/former-slug-taken/meeting.md: its old links must not lead elsewhere; take it out of \`formerSlugs\``,
    ],
  },
  {
    name: "an empty topic",
    folder: "empty-topic",
    messages: ["article.md: `topics` item 2 must not be empty"],
  },
  {
    name: "a topic listed twice, written two ways",
    folder: "duplicate-topic",
    messages: [
      "article.md: `topics` lists both “Syrian War” and “Syrian war”, which are one topic: keep one",
    ],
  },
  {
    name: "topics written like the ones other articles use",
    folder: "near-duplicate-topic",
    messages: [
      `new-talks.md: \`topics\` has “Syrian war” — did you mean “Syrian War”, as ${fixtures}/near-duplicate-topic/talks-again.md has it?`,
      `new-talks.md: \`topics\` has “Rusia” — did you mean “Russia”, as ${fixtures}/near-duplicate-topic/talks-again.md has it?`,
    ],
  },
  {
    name: "two spellings of a name that would share a person's page",
    folder: "person-page-clash",
    messages: [
      `geneva.md: \`byline.contributors\` has “Jose Garcia”, whose page would be the same as that of “José García” in ${fixtures}/person-page-clash/talks.md (/people/jose-garcia/): write the name the same way in both`,
    ],
  },
  {
    name: "a heading that pins one of the page's own ids",
    folder: "pinned-page-id",
    messages: [
      "article.md:13: the heading “The Talks” pins the id `main`, which the page itself uses: pick another",
    ],
  },
  {
    name: "two headings that pin the same id",
    folder: "pinned-twice",
    messages: [
      "article.md:17: the heading “More Talks” pins the id `talks`, which another heading pins too",
    ],
  },
  {
    name: "a former id of a section the article does not have",
    folder: "former-id-no-section",
    messages: [
      "article.md: `formerIds` lists `the-meeting`, but the article has no section with that id (its sections: `the-talks`)",
    ],
  },
  {
    name: "an update note that points at a paragraph the article does not have",
    folder: "update-paragraph-missing",
    messages: [
      "article.md: `updateNote.paragraph` is 5, but the article has 2 paragraphs (quotes and list items do not count)",
    ],
  },
  {
    name: "a correction dated before publication",
    folder: "correction-before-published",
    messages: [
      "article.md: `date` of `corrections` item 1 must not be before `published` (2024-02-29 is before 2024-03-01)",
    ],
  },
  {
    name: "a correction with no text",
    folder: "correction-empty-text",
    messages: ["article.md: `text` of `corrections` item 2 must not be empty"],
  },
  {
    name: "a correction that points at a paragraph the article does not have",
    folder: "correction-paragraph-missing",
    messages: [
      "article.md: `paragraph` of `corrections` item 2 is 5, but the article has 2 paragraphs (quotes and list items do not count)",
    ],
  },
  {
    name: "lead pictures that are missing, unreadable, remote or without alt",
    folder: "lead-picture-problems",
    messages: [
      "decorative-with-alt.md: `image.alt` must be left out when the picture is `decorative: true`",
      "missing.md: `image.src` is `./photos/gone.jpg`, which does not exist (paths start from the " +
        `article's folder): tried ${tried("lead-picture-problems/photos/gone.jpg")}`,
      "no-alt.md: `image.alt` is required: say what the picture shows (or, if it is only " +
        "decoration, write `decorative: true`)",
      "remote.md: `image.src` must be a file of the site, not a web address: save the picture " +
        "beside the article and give its path from there, such as ./crowd.jpg (it says “https://example.org/vienna.jpg”)",
      "unreadable.md: `image.src` cannot be read as a picture (Input file contains unsupported " +
        `image format): tried ${tried("lead-picture-problems/photos/not-a-picture.jpg")}`,
    ],
  },
  {
    name: "pictures in the body that are missing, unreadable, remote, inline or without alt",
    folder: "body-picture-problems",
    messages: [
      "article.md:13: the picture `./photos/vienna.png` has no alternative text: say what it " +
        'shows, ![What it shows](./picture.jpg "Caption | Credit"), or write ' +
        "`![decorative](./photos/vienna.png)` if it is only decoration",
      "article.md:15: the picture `./photos/vienna.jpg` does not exist: tried " +
        `${tried("body-picture-problems/photos/vienna.jpg")} (paths start from the article's folder)`,
      "article.md:17: the picture `./photos/not-a-picture.jpg` cannot be read as a picture " +
        `(Input file contains unsupported image format): tried ${tried("body-picture-problems/photos/not-a-picture.jpg")}`,
      "article.md:19: the picture `https://example.org/vienna.png` is on another site: pictures " +
        "are published from the site's own files, so save it beside the article and give its " +
        "path from there, such as ./picture.jpg",
      "article.md:21: the picture `./photos/vienna.png` must be a paragraph of its own: put it " +
        "on a line between blank lines",
      "article.md:23: the picture `./photos/caf%E0.png` has a `%` that stands for no " +
        "character: write a `%` in a file name as `%25`",
    ],
  },
];

describe("a build with a bad article", () => {
  // Side by side: each build is an Astro process of its own, and most of its
  // time is Astro starting; one after another they took 355 s of a CI run.
  test.concurrent.for(cases)(
    "stops for $name, naming the file and the field",
    async ({ folder, messages }, { expect }) => {
      const { exitCode, output, workDir } = await buildSite({
        CONTENT_DIR: `${fixtures}/${folder}`,
      });
      await rm(workDir, { recursive: true, force: true });
      expect(exitCode, output).toBe(1);
      for (const message of messages) expect(output).toContain(`${fixtures}/${folder}/${message}`);
      // The message is the editor's, not a trace of our code or Astro's.
      expect(output).not.toMatch(/Stack trace|^\s+at |Hint:|\[\w*Error\]/m);
    },
  );

  test("names every problem of every file at once", async () => {
    const { exitCode, output, workDir } = await buildSite({ CONTENT_DIR: fixtures });
    await rm(workDir, { recursive: true, force: true });
    expect(exitCode).toBe(1);
    // The frontmatter of all files is checked before anything is rendered.
    const frontmatterCases = cases.filter(
      ({ folder }) =>
        !/^(same-url|pinned|former|body-picture|update-paragraph|correction-paragraph|near-duplicate|person-page)/.test(
          folder,
        ),
    );
    for (const { folder, messages } of frontmatterCases) {
      for (const message of messages) expect(output).toContain(`${fixtures}/${folder}/${message}`);
    }
  });
});
