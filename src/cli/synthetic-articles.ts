import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { drawPicture } from "./synthetic-pictures.ts";

/*
 * Synthetic articles for benchmarks and scale tests: the shape and length of
 * the G-20 article (bullets, byline, three sections, about 900 words), with
 * text built from newsroom-like sentences, all drawn from a seeded generator so
 * two runs with the same seed write the same bytes.
 */

/** A small, fast, seeded pseudo-random generator (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of `list` in an order drawn from `random` (Fisher–Yates). */
function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const subjects = [
  "Ministers",
  "Central Bank",
  "Parliament",
  "Rebels",
  "Regulators",
  "Union Leaders",
  "Governors",
  "Investors",
  "Diplomats",
  "Shipping Firms",
];
const verbs = [
  "Weigh",
  "Reject",
  "Back",
  "Signal",
  "Delay",
  "Push For",
  "Agree On",
  "Clash Over",
  "Brace For",
  "Warn Of",
];
const objects = [
  "Rate Cut",
  "Border Deal",
  "Budget Plan",
  "Ceasefire Talks",
  "Energy Tariffs",
  "Bond Sale",
  "Grain Exports",
  "Vote Recount",
  "Pension Reform",
  "Port Strike",
];
const places = [
  "Vienna",
  "Antalya",
  "Brisbane",
  "Jakarta",
  "Lagos",
  "Lima",
  "Oslo",
  "Seoul",
  "Nairobi",
  "Warsaw",
];
const names = [
  "Ana Ruiz",
  "Ben Okafor",
  "Chen Wei",
  "Dana Novak",
  "Eli Haddad",
  "Fay Morgan",
  "Goran Petrov",
  "Hana Sato",
];
const zones = [
  "Europe/Istanbul",
  "America/New_York",
  "Asia/Tokyo",
  "Europe/London",
  "Africa/Lagos",
];
const sectionTitles = [
  "The Talks",
  "Market Reaction",
  "What’s Next",
  "Behind the Deal",
  "Opposition Views",
  "Higher Stakes",
  "Regional Fallout",
];
const sentences = [
  "The meeting on the sidelines lasted more than 30 minutes and was the first since the dispute began in September.",
  "“We offered cooperation and unfortunately our partners initially refused,” the minister said in a briefing on Monday.",
  "Officials said ties had already strengthened in recent days, though core disagreements remain.",
  "Both sides endorsed a plan forged by diplomats on Saturday who were galvanized into reaching a deal.",
  "The decision shifted the balance of power, forcing rivals to reassess their strategy.",
  "Analysts said the move could raise the stakes further in the weeks ahead.",
  "A spokesman declined to comment on the talks, citing the confidentiality of the negotiations.",
  "The agreement set a Jan. 1 deadline for talks to start between the government and its opponents.",
  "Markets rose 1.2 percent after the announcement, the biggest gain in three weeks.",
  "“It seems to me that everyone now is beginning to understand that we can only succeed together,” she said.",
  "The group has continued to recruit supporters despite daily pressure from a U.S.-led coalition.",
  "A dinner of leaders took place later on Sunday, with trade and refugees the official topics of conversation.",
];

/** Topics for the browsing pages: no two alike, so the archive checks let them all through. */
export const syntheticTopics = [
  "Trade",
  "Energy",
  "Elections",
  "Central Banks",
  "Diplomacy",
  "Labour",
  "Markets",
  "Shipping",
] as const;

/** Options of `syntheticArticle` and `writeSyntheticArticles`. */
export interface SyntheticOptions {
  /** The first day an article may be published on, `YYYY-MM-DD` (default 2010-01-01). */
  from?: string;
  /** Over how many days from `from` the articles are spread (default 16 years). */
  days?: number;
  /** A topic every article has besides its own, to make one long topic list. */
  sharedTopic?: string;
  /** Words to draw headlines from (8 to 14 of them), for headlines as varied as real ones; by default, a few newsroom phrases. */
  headlineWords?: readonly string[];
  /** How many summary bullets each article has, 1 to 5 (default 2). */
  bullets?: number;
  /** Words to draw bullets from (12 to 20 of them), for summaries as varied as real ones; by default, the body's sentences. */
  bulletWords?: readonly string[];
  /** Articles marked to lead the front page: article number (from 0) → the last day it leads, `YYYY-MM-DD`. */
  leads?: Readonly<Record<number, string>>;
  /**
   * Whether each article has a lead picture and a figure in its body, as
   * files beside it in `pictures/` (`syntheticPictures` names and draws them).
   */
  pictures?: boolean;
}

/** The pictures of synthetic article number `index`, from its folder, and their sizes. */
export function syntheticPictures(index: number) {
  return {
    lead: { path: `pictures/story-${index + 1}.jpg`, width: 1600, height: 900 },
    figure: { path: `pictures/story-${index + 1}-figure.jpg`, width: 1200, height: 800 },
  };
}

/** Draws the pictures of synthetic article number `index` into its folder `dir`; returns their files. */
export async function drawSyntheticPictures(dir: string, index: number): Promise<string[]> {
  const files: string[] = [];
  for (const [which, { path, width, height }] of Object.entries(syntheticPictures(index))) {
    const file = join(dir, path);
    await drawPicture(file, width, height, { seed: index * 2 + (which === "lead" ? 1 : 2) });
    files.push(file);
  }
  return files;
}

/**
 * The Markdown of synthetic article number `index` (from 0), drawn from
 * `random`. Its topics come from its number, not from `random`, so that the
 * articles of a seed stay the same with and without topics.
 */
export function syntheticArticle(
  index: number,
  random: () => number,
  {
    from = "2010-01-01",
    days = 16 * 365,
    sharedTopic,
    headlineWords,
    bullets = 2,
    bulletWords,
    leads = {},
    pictures = false,
  }: SyntheticOptions = {},
): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // A paragraph never repeats a sentence, as a reporter's would not.
  const paragraph = () =>
    shuffled(sentences, random)
      .slice(0, 3 + Math.floor(random() * 3))
      .join(" ");
  const paragraphs = (count: number) => Array.from({ length: count }, paragraph).join("\n\n");

  let headline = `${pick(subjects)} ${pick(verbs)} ${pick(objects)} in ${pick(places)}`;
  const day = new Date(Date.parse(from) + Math.floor(random() * days) * 86_400_000);
  const published = day.toISOString().slice(0, 10);
  const authors = names.filter(() => random() < 0.2).slice(0, 2);
  const sections = shuffled(sectionTitles, random).slice(0, 3);
  if (headlineWords) {
    const words = Array.from({ length: 8 + Math.floor(random() * 7) }, () => pick(headlineWords));
    headline = words.join(" ").replace(/^./, (first) => first.toUpperCase());
  }
  const bullet = () =>
    bulletWords
      ? Array.from({ length: 12 + Math.floor(random() * 9) }, () => pick(bulletWords)).join(" ")
      : pick(sentences).replace(/[.”“"]/g, "");
  const topics = [
    syntheticTopics[index % syntheticTopics.length]!,
    ...(index % 3 === 0 ? [syntheticTopics[(index + 3) % syntheticTopics.length]!] : []),
    ...(sharedTopic === undefined ? [] : [sharedTopic]),
  ];

  const frontmatter = [
    "---",
    `headline: ${JSON.stringify(headline)}`,
    "bullets:",
    ...Array.from({ length: bullets }, () => `  - ${bullet()}`),
    "byline:",
    `  authors: [${authors.join(", ")}]`,
    "  organisation: Synthetic Wire",
    `  contributors: [${pick(names)}]`,
    `published: ${published}`,
    `timezone: ${pick(zones)}`,
    `topics: ${JSON.stringify(topics)}`,
    // Pinned, so that two synthetic articles never share a URL.
    `slug: story-${index + 1}`,
    ...(leads[index] === undefined ? [] : [`lead: { until: ${leads[index]} }`]),
    ...(pictures ? pictureFields(index, headline) : []),
    "---",
  ].join("\n");

  const figure = pictures
    ? [
        `![A street in ${pick(places)} on the day](./${syntheticPictures(index).figure.path} ` +
          `"The scene after the talks | Synthetic Wire")`,
      ]
    : [];
  const body = [
    paragraphs(4),
    ...figure,
    ...sections.map((title) => `## ${title}\n\n${paragraphs(3)}`),
  ].join("\n\n");
  return `${frontmatter}\n\n${body}\n`;
}

/** The frontmatter lines of synthetic article number `index`'s lead picture. */
function pictureFields(index: number, headline: string): string[] {
  return [
    "image:",
    `  src: ./${syntheticPictures(index).lead.path}`,
    `  alt: ${JSON.stringify(`The scene of the story: ${headline}`)}`,
    "  caption: Delegates arrive for the talks.",
    "  credit: Synthetic Wire",
  ];
}

/** Writes `count` synthetic articles into `dir`, the same ones for the same seed, with their pictures when asked. */
export async function writeSyntheticArticles(
  dir: string,
  count: number,
  seed = 2015,
  options: SyntheticOptions = {},
): Promise<void> {
  const random = seededRandom(seed);
  await mkdir(dir, { recursive: true });
  const width = String(count).length;
  for (let index = 0; index < count; index++) {
    await writeFile(
      join(dir, `story-${String(index + 1).padStart(width, "0")}.md`),
      syntheticArticle(index, random, options),
    );
    if (options.pictures) await drawSyntheticPictures(dir, index);
  }
}
