import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { CheerioAPI } from "cheerio";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { site } from "../../src/site.config";
import { writeSyntheticArticles } from "../../src/cli/synthetic-articles";
import { FEED_ITEM_LIMIT } from "../../src/lib/feed";
import {
  buildSite,
  makeWorkDir,
  projectRoot,
  runBuildCommand,
  type BuildResult,
} from "../support/build";
import { subpathSite } from "../support/global-build";
import { loadPage, readableText } from "../support/html";
import { ONE_ROUND_TRIP_BYTES, weighPage } from "../support/page-weight";
import { fixtureArticlePaths, g20Path, newerArticles } from "../support/publishing-fixture";

const { latest, topics, storiesPerTopic } = site.frontPage;

/** The links of the elements `selector` matches, as [text, href]. */
function links($: CheerioAPI, selector: string): [string, string][] {
  return $(selector)
    .map((_, a) => [[readableText($(a).text()), $(a).attr("href")!]])
    .get() as unknown as [string, string][];
}

/** Every link to an article on the page, by href, as often as it is linked. */
function articleLinks($: CheerioAPI): string[] {
  return $('main a[href*="/articles/"]')
    .map((_, a) => $(a).attr("href")!)
    .get();
}

/** Checks what makes the front page one request, under one round trip, with no script. */
async function expectOneLightRequest(distDir: string, base = "/"): Promise<number> {
  // Its pictures come after it, each in a place its width and height keep.
  const weight = await weighPage(distDir, "index.html", base, { pictures: false });
  expect(weight.totalBytes, `${weight.totalBytes} bytes gzip`).toBeLessThanOrEqual(
    ONE_ROUND_TRIP_BYTES,
  );
  // Only the favicon besides the HTML: the CSS is inlined.
  expect(weight.resources).toEqual(["favicon.svg"]);
  const $ = await loadPage(distDir, "index.html");
  expect($('script:not([type="application/ld+json"])')).toHaveLength(0);
  expect($('link[rel="stylesheet"]')).toHaveLength(0);
  return weight.totalBytes;
}

describe("the front page of the G-20 site, one article", () => {
  const front = () => loadPage(inject("distDir"), "index.html");

  test("leads with the article: headline, bullets, byline, date", async () => {
    const $ = await front();
    const lead = $("main .lead-story");
    expect(lead).toHaveLength(1);
    expect(links($, "main .lead-story h2 a")).toEqual([
      ["Putin Goes From G-20 Pariah to Player at Obama Turkey Talk", `/${g20Path}`],
    ]);
    expect(
      lead
        .find("ul li")
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual([
      "Meeting on summit sideline first since Russia bombed Syria",
      "Russia seeks collaboration on Syrian war, fighting terrorism",
    ]);
    expect(readableText(lead.find(".byline").text())).toBe("By Bloomberg News");
    expect(lead.find("time").attr("datetime")).toBe("2015-11-15");
    // No picture yet, and no stand-in for one.
    expect(lead.find("img, figure, picture")).toHaveLength(0);
  });

  test("shows the article once, with no empty list of the latest or of a topic", async () => {
    const $ = await front();
    expect(new Set(articleLinks($))).toEqual(new Set([`/${g20Path}`]));
    expect($("main .latest")).toHaveLength(0);
    expect($("main .topic-section")).toHaveLength(0);
  });

  test("links the site's feed and the feeds of its busiest topics", async () => {
    const $ = await front();
    expect(links($, "main .feed-links li a")).toEqual([
      ["All articles (RSS)", "http://localhost:4321/rss.xml"],
      ["G-20 (RSS)", "http://localhost:4321/topics/g-20/rss.xml"],
      ["Islamic State (RSS)", "http://localhost:4321/topics/islamic-state/rss.xml"],
      ["Russia (RSS)", "http://localhost:4321/topics/russia/rss.xml"],
      ["Syrian War (RSS)", "http://localhost:4321/topics/syrian-war/rss.xml"],
    ]);
  });

  test("has one heading for the page, in its main content", async () => {
    const $ = await front();
    expect($("h1")).toHaveLength(1);
    expect($("main h1").text()).toBe("Front page");
  });

  test("is one request under one round trip, with no script", async () => {
    await expectOneLightRequest(inject("distDir"));
  });
});

describe("the front page of the 53-article site under /reader/", () => {
  const front = () => loadPage(inject("subpathDistDir"), "index.html");

  test("leads with the newest, then lists the next newest with their summaries and dates", async () => {
    const $ = await front();
    expect(links($, "main .lead-story h2 a")).toEqual([
      [newerArticles.authored.headline, `/reader/${newerArticles.authored.path}`],
    ]);
    expect(readableText($("main .lead-story .byline").text())).toBe(
      "By Margaret Talev and Ilya Arkhipov, Bloomberg News",
    );
    const summaries = $("main .latest .article-list > li");
    expect(summaries).toHaveLength(latest);
    expect(
      summaries
        .find("h3 a")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toEqual(fixtureArticlePaths.slice(1, 1 + latest).map((path) => `/reader/${path}`));
    summaries.each((_, li) => {
      expect($(li).find("ul li").length).toBeGreaterThan(0);
      expect($(li).find("time").attr("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });

  test("carries on in the archive at the month of the last of the latest", async () => {
    const $ = await front();
    const last = fixtureArticlePaths[latest]!;
    const month = /^articles\/(\d{4})-(\d{2})-/.exec(last)!;
    expect(links($, "nav.more-articles a")[0]).toEqual([
      expect.stringMatching(/^Older articles: /),
      `/reader/archive/${month[1]}/${month[2]}/`,
    ]);
  });

  test("is one request under one round trip, with no script; its pictures come after it", async () => {
    await expectOneLightRequest(inject("subpathDistDir"), subpathSite.BASE_PATH);
    const $ = await front();
    // The lead story's picture first; the lists' thumbnails as the reader scrolls to them.
    const pictures = $("main img")
      .map((_, img) => `${$(img).attr("loading")} ${$(img).attr("fetchpriority") ?? ""}`.trim())
      .get();
    expect(pictures[0]).toBe("eager high");
    expect(pictures.slice(1).every((loading) => loading === "lazy")).toBe(true);
    for (const img of $("main img").toArray()) {
      expect(Number($(img).attr("width"))).toBeGreaterThan(0);
      expect(Number($(img).attr("height"))).toBeGreaterThan(0);
    }
  });
});

// A few hundred articles: more than the front page shows, to show it stays
// bounded. Five long bullets each, of the G-20 text's words (as varied as
// real summaries, so the weight is honest), eight topics; one article marked
// to lead until after the build's date, one whose lead has ended.
const ARTICLES = 300;
const BUILD_DATE = "2025-06-01T12:00:00Z";
const STILL_LEADS = 150;
const LEAD_ENDED = 20;

describe(`the front page of ${ARTICLES} articles, five bullets each`, () => {
  let contentDir: string;
  let result: BuildResult;
  let $: CheerioAPI;

  beforeAll(async () => {
    contentDir = await mkdtemp(join(tmpdir(), "broadsheet-front-"));
    const words = (await readFile(join(projectRoot, "tests/fixtures/g20-source.txt"), "utf8"))
      .split(/\s+/)
      .filter((word) => /^\p{L}[\p{L}’-]{2,}$/u.test(word));
    await writeSyntheticArticles(contentDir, ARTICLES, 2025, {
      from: "2024-01-01",
      days: 300,
      headlineWords: words,
      bullets: 5,
      bulletWords: words,
      leads: { [STILL_LEADS]: "2025-06-30", [LEAD_ENDED]: "2025-01-31" },
    });
    result = await buildSite({
      CONTENT_DIR: contentDir,
      SOURCE_DATE_EPOCH: String(Date.parse(BUILD_DATE) / 1000),
    });
    expect(result.exitCode, result.output).toBe(0);
    $ = await loadPage(result.outDir, "index.html");
  });
  afterAll(async () => {
    await rm(contentDir, { recursive: true, force: true });
    if (result) await rm(result.workDir, { recursive: true, force: true });
  });

  test("leads with the article marked to lead on the build's date, not the newest or one whose lead ended", () => {
    const [lead] = links($, "main .lead-story h2 a");
    expect(lead![1]).toMatch(new RegExp(`/story-${STILL_LEADS + 1}/$`));
    expect($("main .lead-story ul li")).toHaveLength(5);
  });

  test("shows fixed counts: the latest, the busiest topics and their stories", () => {
    expect($("main .latest .article-list > li")).toHaveLength(latest);
    const sections = $("main .topic-section");
    expect(sections).toHaveLength(topics);
    sections.each((_, section) => {
      expect($(section).find(".article-index li")).toHaveLength(storiesPerTopic);
    });
    expect($("main .feed-links li a")).toHaveLength(1 + topics);
  });

  test("lists the latest newest first, and shows every article once", () => {
    const dates = $("main .latest time")
      .map((_, time) => $(time).attr("datetime"))
      .get();
    expect(dates).toEqual(dates.toSorted().reverse());
    const shown = articleLinks($);
    expect(shown).toHaveLength(1 + latest + topics * storiesPerTopic);
    expect(new Set(shown).size).toBe(shown.length);
  });

  test("is one request under one round trip, with no script", async () => {
    const bytes = await expectOneLightRequest(result.outDir);
    console.log(`front page of ${ARTICLES} articles, five bullets each: ${bytes} bytes gzip`);
  });
});

// More articles of one topic than its feed carries, the oldest marked to
// lead, built in parts of 20: the listings process lists them from the
// archive index, which has no bullets, so it must read the lead and the
// latest in full, though no feed carries the lead.
const ONE_TOPIC = FEED_ITEM_LIMIT + 5;

/** Article `n` (from 1) of `ONE_TOPIC`, a day apart from 2025-01-01; the first leads. */
function oneTopicArticle(n: number): string {
  const published = new Date(Date.UTC(2025, 0, n)).toISOString().slice(0, 10);
  return [
    "---",
    `headline: "Harbour report number ${n}"`,
    "bullets:",
    `  - The first point of report ${n}`,
    `  - The second point of report ${n}`,
    "byline:",
    "  authors: [Fay Morgan]",
    "  organisation: Test Wire",
    `published: ${published}`,
    "timezone: Europe/London",
    "topics: [Shipping]",
    ...(n === 1 ? ["lead: { until: 2025-06-30 }"] : []),
    "---",
    "",
    `The harbour's report for the day, number ${n}.`,
    "",
  ].join("\n");
}

describe(`the front page of ${ONE_TOPIC} articles of one topic, the oldest marked to lead`, () => {
  let contentDir: string;
  let plain: BuildResult;
  let published: { outDir: string; exitCode: number | null; output: string };

  beforeAll(async () => {
    contentDir = await mkdtemp(join(tmpdir(), "broadsheet-front-index-"));
    for (let n = 1; n <= ONE_TOPIC; n++) {
      await writeFile(join(contentDir, `report-${n}.md`), oneTopicArticle(n));
    }
    const env = {
      CONTENT_DIR: contentDir,
      SOURCE_DATE_EPOCH: String(Date.parse("2025-06-01T12:00:00Z") / 1000),
    };
    const outDir = join(await makeWorkDir(), "dist");
    [plain, published] = await Promise.all([
      buildSite(env),
      runBuildCommand(outDir, { ...env, BROADSHEET_PART_SIZE: "20" }).then((run) => ({
        outDir,
        ...run,
      })),
    ]);
    expect(plain.exitCode, plain.output).toBe(0);
    expect(published.exitCode, published.output).toBe(0);
  });
  afterAll(async () => {
    await rm(contentDir, { recursive: true, force: true });
    if (plain) await rm(plain.workDir, { recursive: true, force: true });
    if (published) await rm(dirname(published.outDir), { recursive: true, force: true });
  });

  test("npm run build leads with it, bullets and all, as astro build does", async () => {
    const $ = await loadPage(published.outDir, "index.html");
    expect(links($, "main .lead-story h2 a")[0]![0]).toBe("Harbour report number 1");
    expect(
      $("main .lead-story ul li")
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual(["The first point of report 1", "The second point of report 1"]);
    expect($("main .latest .article-summary ul li")).toHaveLength(2 * latest);
    expect(await readFile(join(published.outDir, "index.html"), "utf8")).toBe(
      await readFile(join(plain.outDir, "index.html"), "utf8"),
    );
  });
});
