import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { makeWorkDir, runBuildCommand } from "../support/build";
import { drawPicture } from "../../src/cli/synthetic-pictures";
import { viennaArticle, writePublishingFixture } from "../support/publishing-fixture";
import { describeSize } from "../../src/lib/host-limits";
import {
  readChanges,
  treeChanges,
  treeDifferences,
  treeDigest,
  treeSize,
} from "../support/tree-digest";

/*
 * `npm run build` is incremental: after each change to the archive, the
 * output it makes from the last build must be, byte for byte, what a full
 * build makes from the same articles.
 */

let work: string;
let content: string;
beforeAll(async () => {
  work = await makeWorkDir();
  content = join(work, "content");
  await writePublishingFixture(content);
});
afterAll(() => rm(work, { recursive: true, force: true }));

/**
 * The build's date: a day after the new article below, so the news sitemap
 * lists it, then drops it when its date moves past the build's.
 */
const sourceDate = String(Date.parse("2016-04-03T12:00:00Z") / 1000);

const env = (date = sourceDate) => ({
  CONTENT_DIR: content,
  SITE_URL: "https://news.example.org",
  BASE_PATH: "/reader/",
  SOURCE_DATE_EPOCH: date,
});

/** The incremental build's output, and its cache, kept from one step to the next. */
const incremental = () => ({ outDir: join(work, "dist"), cacheDir: join(work, "cache") });

/** The site the last build swapped out, hidden beside the output until the next build. */
async function replacedSite(): Promise<string> {
  const [name, ...others] = (await readdir(work)).filter((entry) =>
    entry.startsWith(".dist-retired-"),
  );
  expect(others).toEqual([]);
  return join(work, name!);
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const path = join(content, file);
  const before = await readFile(path, "utf8");
  const after = change(before);
  expect(after, `the change to ${file} changes it`).not.toBe(before);
  await writeFile(path, after);
}

/**
 * The changes, in order, what the build says of them and, for some, the only
 * files under articles/ they may change: each is followed by an incremental
 * build and a full one.
 */
const steps: [string, () => Promise<void>, (string | undefined)?, string[]?][] = [
  [
    "a new article, with a new topic and a new person",
    () => writeFile(join(content, "vienna.md"), viennaArticle),
    undefined,
    // An article lists only earlier ones, so a new one changes no older page.
    [
      "articles/2016-04-02/ceasefire-talks-resume-in-vienna/card.png",
      "articles/2016-04-02/ceasefire-talks-resume-in-vienna/index.html",
    ],
  ],
  [
    "a picture in an article's body drawn again",
    () => drawPicture(join(content, "pictures/table.png"), 900, 600, { seed: 3, format: "png" }),
    "0 new, 1 edited and 0 deleted",
    // The picture's files are named by its bytes: the page that shows it
    // changes, and the full build's equality says the old files went.
    ["articles/2016-03-01/obama-and-putin-meet-again/index.html"],
  ],
  [
    "a picture with a space in its name drawn again",
    () => drawPicture(join(content, "pictures/paris street.jpg"), 1200, 800, { seed: 5 }),
    "0 new, 1 edited and 0 deleted",
    ["articles/2016-03-01/obama-and-putin-meet-again/index.html"],
  ],
  [
    "a lead picture taken off an article",
    () => edit("authored.md", (text) => text.replace(/\nimage: .*/, "")),
  ],
  [
    "an edited body",
    () => edit("diary-3.md", (text) => text.replace("## Notes", "## Notes and news")),
  ],
  [
    "a new headline, and so a new URL",
    () => edit("diary-7.md", (text) => text.replace("Day 7", "Day Seven")),
    "diary-7.md: its URL changed from articles/2014-01-07/summit-diary-day-7/ to " +
      "articles/2014-01-07/summit-diary-day-seven/; links to the old one will find nothing. " +
      "To keep it working, list it: `formerSlugs: [summit-diary-day-7]`.",
  ],
  [
    "a new headline, the old URL kept by formerSlugs",
    () =>
      edit("diary-9.md", (text) =>
        text.replace(
          'headline: "Summit Diary, Day 9"',
          'headline: "Summit Diary, Day Nine"\nformerSlugs: ["summit-diary-day-9"]',
        ),
      ),
  ],
  [
    "a new headline under a pinned slug",
    () => edit("escaping.md", (text) => text.replace("Coverage", "Reporting")),
  ],
  [
    "a date that moves an article to another day",
    () => edit("vienna.md", (text) => text.replace("2016-04-02", "2016-04-05")),
  ],
  ["a topic taken off", () => edit("vienna.md", (text) => text.replace(', "Diplomacy"', ""))],
  [
    "a correction added to an article",
    () =>
      edit("diary-5.md", (text) =>
        text.replace(
          'timezone: "UTC"',
          'timezone: "UTC"\ncorrections: [{ date: "2014-01-08", text: "An earlier version gave the wrong day.", paragraph: 1 }]',
        ),
      ),
  ],
  [
    "a correction taken out",
    () => edit("diary-5.md", (text) => text.replace(/\ncorrections: .*/, "")),
  ],
  [
    "a topic given to an older article, so that the later articles on it list it",
    () =>
      edit("diary-3.md", (text) =>
        text.replace('timezone: "UTC"', 'timezone: "UTC"\ntopics: ["Russia"]'),
      ),
    "and 3 whose earlier stories changed",
  ],
  [
    "a deleted article that later articles list",
    () => rm(join(content, "diary-3.md")),
    "and 3 whose earlier stories changed",
  ],
  ["a deleted article", () => rm(join(content, "diary-2.md"))],
  ["a deleted article that was the newest", () => rm(join(content, "vienna.md"))],
];

describe("npm run build after a change to the archive", () => {
  test("starts from a full build, then says it has nothing to do", async () => {
    const { outDir, cacheDir } = incremental();
    const first = await runBuildCommand(outDir, env(), { cacheDir });
    expect(first.exitCode, first.output).toBe(0);
    expect(first.output).toContain("A full build: there is no last build to start from.");
    // A first deploy copies everything: every file is new.
    const built = await treeDigest(outDir);
    expect(await readChanges(outDir)).toEqual(treeChanges({}, built));
    const size = describeSize(await treeSize(outDir));
    expect(first.output).toContain(
      `${size}; ${Object.keys(built).length} added, 0 changed and 0 removed, listed in ${outDir}-changes.txt`,
    );
    // The build's report (for the log and the bench) counts the site's
    // files; what every page's head said is the manifest's to keep.
    const report = JSON.parse(await readFile(join(cacheDir, "last-build.json"), "utf8")) as {
      siteFiles: Record<string, unknown>;
      jobs: { name: string; collectsSooner: boolean }[];
    };
    expect(report.siteFiles["sitemapPages"]).toBeGreaterThan(10);
    expect(report.siteFiles).not.toHaveProperty("heads");
    // A site of one process, started before the publisher knew it would be
    // that and not the listings, collects at V8's own pace: collecting
    // sooner made a one-article build take 5.46 s, not 4.99 s.
    expect(report.jobs.map(({ name, collectsSooner }) => [name, collectsSooner])).toEqual([
      ["site", false],
    ]);
    // Beside it, the next build's start: a twin of it, made of hard links
    // to its files, so a publish need not link every file.
    const twin = await replacedSite();
    expect(await treeDigest(twin)).toEqual(built);
    for (const page of ["index.html", "sitemap-index.xml"]) {
      expect((await stat(join(twin, page))).ino).toBe((await stat(join(outDir, page))).ino);
    }

    const again = await runBuildCommand(outDir, env(), { cacheDir });
    expect(again.exitCode, again.output).toBe(0);
    expect(again.output).toContain("is up to date: no article changed since the last build");
    expect(again.output).toContain(`${size}; 0 added, 0 changed and 0 removed`);
    expect(await readChanges(outDir)).toEqual({ added: [], changed: [], removed: [] });
    // The listings process it started while it planned was stopped, and its
    // folder is gone with the build's work folder.
    expect(again.output).not.toContain("[build]");
    expect(await readdir(join(cacheDir, "work"))).toEqual([]);
  }, 300_000);

  test("writes the site's files again, and no page, when the news sitemap's two days hold other articles", async () => {
    // A day after the authored article (midnight in Paris, 2016-03-01).
    const later = String(Date.parse("2016-03-01T23:00:00Z") / 1000);
    const { outDir, cacheDir } = incremental();
    const before = await treeDigest(outDir);
    const twin = (await stat(await replacedSite())).ino;
    const result = await runBuildCommand(outDir, env(later), { cacheDir });
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain(
      "An incremental build: no article changed since the last build, but the news sitemap's " +
        "two days hold other articles now.",
    );
    expect(result.output).not.toContain("generating static routes");
    expect(await readdir(join(cacheDir, "work"))).toEqual([]);
    const news = await readFile(join(outDir, "news-sitemap.xml"), "utf8");
    expect(news).toContain(
      "<loc>https://news.example.org/reader/articles/2016-03-01/obama-and-putin-meet-again/</loc>",
    );

    const fullDir = join(work, "full");
    const full = await runBuildCommand(fullDir, env(later), { args: ["--full"] });
    expect(full.exitCode, full.output).toBe(0);
    const [made, expected] = await Promise.all([treeDigest(outDir), treeDigest(fullDir)]);
    expect(treeDifferences(made, expected)).toEqual([]);
    expect(await readChanges(outDir)).toEqual(treeChanges(before, made));
    expect(await treeDigest(await replacedSite())).toEqual(before);
    // It was made in the first build's twin of its output.
    expect((await stat(outDir)).ino).toBe(twin);
    await rm(fullDir, { recursive: true, force: true });

    const again = await runBuildCommand(outDir, env(later), { cacheDir });
    expect(again.output).toContain("is up to date: no article changed since the last build");
  }, 300_000);

  test.each(steps)(
    "makes what a full build makes, after %s",
    async (_, change, says, articleFiles) => {
      const { outDir, cacheDir } = incremental();
      const before = await treeDigest(outDir);
      const beforeLast = (await stat(await replacedSite())).ino;
      await change();
      const fullDir = join(work, "full");
      // Side by side: each waits on its own Astro processes. The full build
      // keeps its content store from one step to the next too, as a
      // newsroom's would be: it makes every page again from it.
      const [result, full] = await Promise.all([
        runBuildCommand(outDir, env(), { cacheDir }),
        runBuildCommand(fullDir, env(), { args: ["--full"], cacheDir: join(work, "full-cache") }),
      ]);
      expect(result.exitCode, result.output).toBe(0);
      expect(result.output).toMatch(/An incremental build: \d+ new, \d+ edited and \d+ deleted/);
      // The content store the full build left is read, not thrown away.
      expect(result.output).not.toContain("Clearing content store");
      if (says) expect(result.output).toContain(says);

      expect(full.exitCode, full.output).toBe(0);
      expect(full.output).toContain("A full build: asked for with --full.");

      const [made, expected] = await Promise.all([treeDigest(outDir), treeDigest(fullDir)]);
      expect(treeDifferences(made, expected)).toEqual([]);
      // What a deploy copies: what changed, and nothing else.
      const changes = await readChanges(outDir);
      expect(changes).toEqual(treeChanges(before, made));
      // The site it replaced was never written to: it kept its bytes till the swap, and after.
      expect(await treeDigest(await replacedSite())).toEqual(before);
      // It was made from the site before that one, brought up to date, not
      // from a new folder of links to every file.
      expect((await stat(outDir)).ino).toBe(beforeLast);
      // Its size, worked out from the last one's and the changes, is the size counted afresh.
      expect(result.output).toContain(`${describeSize(await treeSize(outDir))};`);
      expect(
        changes.added.length + changes.changed.length + changes.removed.length,
      ).toBeGreaterThan(0);
      if (articleFiles) {
        const changed = treeDifferences(before, made).filter((path) =>
          path.startsWith("articles/"),
        );
        expect(changed).toEqual(articleFiles);
      }
      await rm(fullDir, { recursive: true, force: true });
    },
    300_000,
  );
});

describe("a full build after incremental ones", () => {
  test("makes, from the content store they kept, what they made", async () => {
    const { outDir, cacheDir } = incremental();
    const before = await treeDigest(outDir);
    const full = await runBuildCommand(outDir, env(), { args: ["--full"], cacheDir });
    expect(full.exitCode, full.output).toBe(0);
    expect(full.output).not.toContain("Clearing content store");
    expect(treeDifferences(await treeDigest(outDir), before)).toEqual([]);
    // Every file written again, and none with other bytes: nothing to deploy.
    expect(await readChanges(outDir)).toEqual({ added: [], changed: [], removed: [] });
  }, 300_000);
});
