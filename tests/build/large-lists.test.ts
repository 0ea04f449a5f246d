import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { site } from "../../src/site.config";
import { buildSite, projectRoot, type BuildResult } from "../support/build";
import { htmlPages, loadPage } from "../support/html";
import { ONE_ROUND_TRIP_BYTES, weighPage } from "../support/page-weight";
import { syntheticTopics, writeSyntheticArticles } from "../../src/cli/synthetic-articles";

// 300 articles from November 2015 to January 2016, every one on the topic
// "World": more than a page holds (100) in all and in 2015, so its list
// splits by year, then month, and a month over 100 by day; one month lists
// nearly 100, to weigh the fullest page. Headlines are drawn from
// the G-20 text's words, as varied as real ones, so the weights are honest.
const ARTICLES = 300;
const SHARED = "World";
let contentDir: string;
let result: BuildResult;
let pages: string[];

beforeAll(async () => {
  contentDir = await mkdtemp(join(tmpdir(), "broadsheet-large-"));
  const words = (await readFile(join(projectRoot, "tests/fixtures/g20-source.txt"), "utf8"))
    .split(/\s+/)
    .filter((word) => /^[\p{L}’-]{3,}$/u.test(word));
  await writeSyntheticArticles(contentDir, ARTICLES, 2015, {
    from: "2015-11-01",
    days: 89,
    sharedTopic: SHARED,
    headlineWords: words,
  });
  result = await buildSite({ CONTENT_DIR: contentDir });
  expect(result.exitCode, result.output).toBe(0);
  pages = await htmlPages(result.outDir);
});
afterAll(async () => {
  await rm(contentDir, { recursive: true, force: true });
  await rm(result.workDir, { recursive: true, force: true });
});

const articlePages = () => pages.filter((page) => page.startsWith("articles/"));
/** The pages of one list: a topic's, a person's, the archive's. */
const listPages = (prefix: string) => pages.filter((page) => page.startsWith(prefix));

/** The articles a list's pages link to, each time it is linked, as page paths. */
async function listedArticles(prefix: string): Promise<string[]> {
  const listed: string[] = [];
  for (const page of listPages(prefix)) {
    const $ = await loadPage(result.outDir, page);
    listed.push(
      ...$("main .article-index a")
        .map((_, a) => `${$(a).attr("href")!.slice(1)}index.html`)
        .get(),
    );
  }
  return listed;
}

describe("a topic with 300 articles, more than one page holds", () => {
  test("splits by year, then month, then day, never by a count from the newest", () => {
    const world = listPages("topics/world/");
    for (const page of world) {
      expect(page).toMatch(/^topics\/world\/(\d{4}\/(\d{2}\/(\d{2}\/)?)?)?index\.html$/);
    }
    for (const page of ["", "2015/", "2015/11/", "2015/12/", "2016/"]) {
      expect(world).toContain(`topics/world/${page}index.html`);
    }
    // December 2015 holds more than a page: it lists its days.
    expect(world).toContain("topics/world/2015/12/24/index.html");
    // 2016 holds no more than a page: it lists its articles, and has no month pages.
    expect(world.filter((page) => page.startsWith("topics/world/2016/"))).toEqual([
      "topics/world/2016/index.html",
    ]);
  });

  /** A page's smaller periods: label, link, count. */
  async function periodRows(page: string): Promise<[string, string, number][]> {
    const $ = await loadPage(result.outDir, page);
    return $("main .period-index li")
      .map((_, li) => [
        [
          $(li).find("a").text(),
          $(li).find("a").attr("href")!,
          Number.parseInt($(li).find("span").text().replace(",", "")),
        ],
      ])
      .get() as unknown as [string, string, number][];
  }

  test("lists its periods with counts where it is split, and links each", async () => {
    const years = await periodRows("topics/world/index.html");
    expect(years.map(([label, href]) => [label, href])).toEqual([
      ["2016", "/topics/world/2016/"],
      ["2015", "/topics/world/2015/"],
    ]);
    expect(years.reduce((sum, [, , count]) => sum + count, 0)).toBe(ARTICLES);
    const months = await periodRows("topics/world/2015/index.html");
    expect(months.map(([label, href]) => [label, href])).toEqual([
      ["December 2015", "/topics/world/2015/12/"],
      ["November 2015", "/topics/world/2015/11/"],
    ]);
    expect(months.reduce((sum, [, , count]) => sum + count, 0)).toBe(years[1]![2]);

    const $ = await loadPage(result.outDir, "topics/world/2015/index.html");
    expect($("main .article-index")).toHaveLength(0);
    expect(
      $("nav.breadcrumbs a")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toEqual(["/topics/", "/topics/world/"]);
    expect($('nav.breadcrumbs [aria-current="page"]').text()).toBe("2015");
  });

  test("reaches every article exactly once, through pages of at most 100", async () => {
    const listed = await listedArticles("topics/world/");
    expect(listed.sort()).toEqual(articlePages().sort());
    const rows: Record<string, number> = {};
    for (const page of listPages("topics/world/")) {
      const $ = await loadPage(result.outDir, page);
      rows[page] = $("main .article-index li").length;
      expect(rows[page], page).toBeLessThanOrEqual(site.articlesPerListPage);
    }
    // A page that lists nearly a page's worth, for the weights below.
    expect(Math.max(...Object.values(rows))).toBeGreaterThan(site.articlesPerListPage * 0.9);
  });

  test("carries only its newest 50 articles in its feed", async () => {
    const feed = await new Parser().parseString(
      await readFile(join(result.outDir, "topics/world/rss.xml"), "utf8"),
    );
    expect(feed.items).toHaveLength(50);
    // Publication dates as the URLs carry them: the feed's are the newest, newest first.
    const dateOf = (path: string) => /articles\/(\d{4}-\d{2}-\d{2})\//.exec(path)![1]!;
    const inFeed = feed.items.map((item) => dateOf(item.link!));
    expect(inFeed).toEqual([...inFeed].sort().reverse());
    const links = new Set(feed.items.map((item) => new URL(item.link!).pathname.slice(1)));
    const left = articlePages().filter((page) => !links.has(page.replace(/index\.html$/, "")));
    expect(left).toHaveLength(ARTICLES - 50);
    for (const page of left) expect(dateOf(page) <= inFeed.at(-1)!, page).toBe(true);
  });
});

describe("the other lists of the same archive", () => {
  test("the date archive reaches every article, and each day page lists its own once", async () => {
    const listed = await listedArticles("archive/");
    expect(new Set(listed)).toEqual(new Set(articlePages()));
    const days = pages.filter((page) => /^archive\/\d{4}\/\d{2}\/\d{2}\//.test(page));
    const onDays: string[] = [];
    for (const day of days) onDays.push(...(await listedArticles(day)));
    expect(onDays.sort()).toEqual(articlePages().sort());
  });

  test("every topic and every person reaches each of their articles", async () => {
    const topicCounts: Record<string, number> = {};
    for (const topic of syntheticTopics) {
      const slug = topic.toLowerCase().replaceAll(" ", "-");
      const listed = await listedArticles(`topics/${slug}/`);
      expect(new Set(listed).size, topic).toBe(listed.length);
      topicCounts[topic] = listed.length;
    }
    expect(Object.values(topicCounts).every((count) => count > 0)).toBe(true);
    // A person's pages, not the index of people beside them.
    const people = new Set(
      listPages("people/")
        .filter((page) => page !== "people/index.html")
        .map((page) => page.split("/")[1]),
    );
    expect(people.size).toBe(8);
    let credited = 0;
    for (const person of people) credited += (await listedArticles(`people/${person}/`)).length;
    // Every article credits one contributor, and some an author or two.
    expect(credited).toBeGreaterThanOrEqual(ARTICLES);
  });

  test("keeps every page, lists and articles alike, within one round trip", async () => {
    const weights = await Promise.all(pages.map((page) => weighPage(result.outDir, page)));
    const heaviest = weights.toSorted((a, b) => b.totalBytes - a.totalBytes).slice(0, 5);
    console.log(
      `large lists: ${pages.length} pages; heaviest: ${heaviest.map((w) => `${w.page} ${w.totalBytes}`).join(", ")}`,
    );
    for (const weight of weights) {
      expect(
        weight.totalBytes,
        `${weight.page}: ${weight.totalBytes} bytes gzip`,
      ).toBeLessThanOrEqual(ONE_ROUND_TRIP_BYTES);
    }
  });
});
