import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { projectRoot } from "./build";
import { drawPicture } from "../../src/cli/synthetic-pictures";

/** The G-20 article's path below the base. */
export const g20Path =
  "articles/2015-11-15/putin-goes-from-g-20-pariah-to-player-at-obama-turkey-talk/";

/** Articles newer than the G-20 piece, each exercising one thing the publishing tests check. */
export const newerArticles = {
  /**
   * Named authors; a Markdown link to a section of the G-20 article; a lead
   * picture and a figure in the body (drawn by the fixture) and code; two of
   * its topics; a former URL (its headline was reworded), whose page sends
   * the reader to the article.
   */
  authored: {
    path: "articles/2016-03-01/obama-and-putin-meet-again/",
    headline: "Obama and Putin Meet Again",
    authors: ["Margaret Talev", "Ilya Arkhipov"],
    topics: ["Russia", "Syrian War"],
    formerSlug: "obama-and-putin-to-meet-in-paris",
    formerPath: "articles/2016-03-01/obama-and-putin-to-meet-in-paris/",
    image: {
      src: "./pictures/paris.jpg",
      alt: "Two leaders shake hands in front of flags",
      caption: "The leaders meet in Paris.",
      credit: "Jane Doe/Test Wire",
      focus: "left",
    },
    figure: {
      alt: "The table the delegations talked at",
      caption: "The talks' table",
      credit: "John Roe/Test Wire",
    },
  },
  /**
   * Characters that must be escaped in HTML, XML and JSON, in the headline
   * and in two corrections of one day, the first linking its paragraph.
   */
  escaping: {
    path: "articles/2016-02-01/markets-mayhem-live/",
    headline: `Markets & Mayhem: <Live> "Coverage" </script>`,
    corrections: [
      {
        date: "2016-02-02",
        text: `An earlier version said prices rose <fast> & "high" </script>; they rose slowly.`,
        paragraph: 1,
      },
      { date: "2016-02-02", text: "An earlier version misnamed the exchange." },
    ],
  },
  /** A headline, and so a URL, in another script; a correction, so its anchor follows that URL. */
  cyrillic: {
    path: "articles/2016-01-15/путин-и-обама-что-дальше/",
    headline: "Путин и Обама: что дальше",
    corrections: [{ date: "2016-01-20", text: "Исправлено: встреча прошла в Анталье." }],
  },
} as const;

/** The fixture's corrections, newest first, as the corrections page lists them: the article, and the entry's anchor. */
export const fixtureCorrections = [
  { article: newerArticles.escaping, id: "correction-2016-02-02-2", date: "2016-02-02" },
  { article: newerArticles.escaping, id: "correction-2016-02-02", date: "2016-02-02" },
  { article: newerArticles.cyrillic, id: "correction-2016-01-20", date: "2016-01-20" },
] as const;

/** How many older filler articles the fixture has: enough to push the feed past its cap. */
export const olderArticleCount = 49;

/** Every article's path below the base, newest first. */
export const fixtureArticlePaths = [
  newerArticles.authored.path,
  newerArticles.escaping.path,
  newerArticles.cyrillic.path,
  g20Path,
  ...Array.from({ length: olderArticleCount }, (_, index) => olderArticle(index).path).reverse(),
];

function olderArticle(index: number) {
  const date = new Date(Date.UTC(2014, 0, 1 + index)).toISOString().slice(0, 10);
  const headline = `Summit Diary, Day ${index + 1}`;
  return { date, headline, path: `articles/${date}/summit-diary-day-${index + 1}/` };
}

function frontmatter(fields: Record<string, unknown>): string {
  return `---\n${Object.entries(fields)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join("\n")}\n---\n`;
}

/**
 * Writes the content folder of the publishing build: the real G-20 article
 * and 52 more, so the feed has more than its 50 items to choose from.
 */
export async function writePublishingFixture(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await drawPicture(join(dir, "pictures/paris.jpg"), 1600, 900, { seed: 1 });
  await drawPicture(join(dir, "pictures/table.png"), 900, 600, { seed: 2, format: "png" });
  await drawPicture(join(dir, "pictures/paris street.jpg"), 1200, 800, { seed: 4 });
  await copyFile(
    join(projectRoot, "content/articles/putin-g20-obama-turkey-talk.md"),
    join(dir, "putin-g20-obama-turkey-talk.md"),
  );
  const byline = { organisation: "Bloomberg News" };
  const { authored, escaping, cyrillic } = newerArticles;
  await writeFile(
    join(dir, "authored.md"),
    frontmatter({
      headline: authored.headline,
      bullets: ["They meet in Paris"],
      byline: { ...byline, authors: authored.authors, contributors: ["Henry Meyer"] },
      published: "2016-03-01",
      timezone: "Europe/Paris",
      topics: authored.topics,
      formerSlugs: [authored.formerSlug],
      image: authored.image,
    }) +
      [
        "Their last talk was in Antalya; see [Assad’s future](/" + g20Path + "#assads-future).",
        "",
        "## What Changed",
        "",
        `![${authored.figure.alt}](./pictures/table.png "${authored.figure.caption} | ${authored.figure.credit}")`,
        "",
        '![A street in Paris before the talks](<./pictures/paris street.jpg> "The street outside | Jane Doe/Test Wire")',
        "",
        "```js",
        'const talks = ["Antalya", "Paris"];',
        "```",
        "",
        "Back to [the first section](#what-changed).",
      ].join("\n"),
  );
  await writeFile(
    join(dir, "escaping.md"),
    frontmatter({
      headline: escaping.headline,
      bullets: ["Stocks & bonds < expectations"],
      byline,
      published: "2016-02-01",
      timezone: "America/New_York",
      slug: "markets-mayhem-live",
      corrections: escaping.corrections,
    }) + "Prices fell & rose.\n",
  );
  await writeFile(
    join(dir, "cyrillic.md"),
    frontmatter({
      headline: cyrillic.headline,
      bullets: ["Встреча в Анталье"],
      byline,
      published: "2016-01-15",
      timezone: "Europe/Moscow",
      corrections: cyrillic.corrections,
    }) + "## Итоги\n\nТекст статьи.\n",
  );
  for (let index = 0; index < olderArticleCount; index++) {
    const { date, headline } = olderArticle(index);
    await writeFile(
      join(dir, `diary-${index + 1}.md`),
      frontmatter({
        headline,
        bullets: [`Day ${index + 1} of the diary`],
        byline,
        published: date,
        timezone: "UTC",
      }) + `## Notes\n\nDay ${index + 1}. Read the [latest news](/).\n`,
    );
  }
}

/**
 * What the publishing tests publish: an article newer than all of the
 * fixture's, on a new topic and one it shares, by a new person and one
 * the fixture names.
 */
export const viennaArticle = `---
headline: "Ceasefire Talks Resume in Vienna"
bullets: ["Talks resume", "Russia and the U.S. attend"]
byline: { authors: ["Robert Hutton", "Jane Doe"], organisation: "Bloomberg" }
published: "2016-04-02"
timezone: "UTC"
topics: ["Russia", "Diplomacy"]
---

## Who came

Delegations from twenty countries.
`;
