import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { htmlFiles } from "../../src/publishing/html-files";
import { indexPages } from "../../src/publishing/search-index";
import { launchChromium } from "../support/browser";
import { buildSite, type BuildResult } from "../support/build";
import { subpathSite } from "../support/global-build";
import { searchBundle } from "../support/pagefind-search";
import { serveStatic, type StaticServer } from "../../src/cli/serve-static";
import { writeSyntheticArticles } from "../../src/cli/synthetic-articles";

// A three-year archive (2013 to 2015, 45 synthetic articles, each with the
// word "talks") built for /reader/ and served there with its _headers: the
// search page searches the newest year first and older years on request.
const YEARS = ["2015", "2014", "2013"];
let build: BuildResult;
let contentDir: string;
let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  contentDir = await mkdtemp(join(tmpdir(), "broadsheet-search-years-"));
  await writeSyntheticArticles(contentDir, 45, 2013, { from: "2013-01-01", days: 3 * 365 });
  build = await buildSite({ ...subpathSite, CONTENT_DIR: contentDir });
  expect(build.exitCode, build.output).toBe(0);
  server = await serveStatic(build.outDir, { base: subpathSite.BASE_PATH });
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(contentDir, { recursive: true, force: true });
  if (build) await rm(build.workDir, { recursive: true, force: true });
});

/** A page that records CSP violations, console errors, uncaught errors and the files it fetched. */
async function watchedPage(): Promise<{ page: Page; problems: string[]; fetched: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `CSP: ${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}`,
      );
    });
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const fetched: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("worker", (worker) => problems.push(`a worker: ${worker.url()}`));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin === server.origin) fetched.push(url.pathname);
  });
  return { page, problems, fetched };
}

/** The result links shown, in order, as paths below the base ("/articles/…/"), and the year heading each is under. */
async function shownResults(page: Page): Promise<{ year: string; url: string }[]> {
  return page.locator(".search-results").evaluate((list) =>
    [...list.querySelectorAll(".search-result h3 a")].map((link) => {
      const yearList = link.closest("ol")!;
      const heading = yearList.previousElementSibling!;
      return {
        year: heading.tagName === "H2" ? (heading.textContent ?? "") : "no h2",
        url: new URL((link as HTMLAnchorElement).href).pathname,
      };
    }),
  );
}

describe("searching a three-year archive under /reader/", () => {
  test("shows the newest year first, and “More results” adds older years until the archive is searched", async () => {
    const { page, problems, fetched } = await watchedPage();
    await page.goto(`${server.url}search/?q=talks`);
    const status = page.getByRole("status");
    await status.filter({ hasText: "talks" }).waitFor();

    // The first search: ten results, all of 2015, from 2015's bundle alone.
    const first = await shownResults(page);
    expect(first).toHaveLength(10);
    expect(new Set(first.map(({ year }) => year))).toEqual(new Set(["2015"]));
    expect(first.every(({ url }) => url.startsWith("/reader/articles/2015-"))).toBe(true);
    const index = fetched.filter((path) => path.startsWith("/reader/pagefind/"));
    expect(index.filter((path) => !path.startsWith("/reader/pagefind/2015/"))).toEqual([]);
    expect(await status.textContent()).toMatch(/in 2015, the first 10 shown; older years/);

    // More, until there is no more: each press adds up to ten.
    const more = page.getByRole("button", { name: "More results" });
    let shown = first.length;
    while (await more.isVisible()) {
      await more.click();
      await page.waitForFunction(
        (count) => document.querySelectorAll(".search-result").length > count,
        shown,
      );
      const now = (await shownResults(page)).length;
      expect(now - shown).toBeLessThanOrEqual(10);
      shown = now;
      // The reader's place moves to the first result added.
      expect(
        await page.evaluate(() => document.activeElement?.closest(".search-result") !== null),
      ).toBe(true);
    }
    const all = await shownResults(page);
    await expect.poll(() => status.textContent()).toMatch(/^45 articles found for “talks”\.$/);

    // Each year under its own heading, newest first, and each result under its year.
    expect(await page.locator(".search-results h2").allTextContents()).toEqual(YEARS);
    for (const { year, url } of all) expect(url.startsWith(`/reader/articles/${year}-`)).toBe(true);
    // Headings go h1, h2 (a year), h3 (a result): no level skipped.
    const levels = await page
      .locator("main :is(h1, h2, h3, h4)")
      .evaluateAll((headings) => headings.map((heading) => Number(heading.tagName.slice(1))));
    levels.reduce((previous, level) => {
      expect(level - previous).toBeLessThanOrEqual(1);
      return level;
    });

    // The same articles as one index of the whole archive finds.
    const fullIndex = join(build.workDir, "full-index");
    await indexPages(build.outDir, await htmlFiles(build.outDir), fullIndex);
    expect(all.map(({ url }) => url.replace(/^\/reader/, "")).sort()).toEqual(
      await searchBundle(fullIndex, "talks"),
    );

    // Pagefind itself was loaded once, from the newest year's bundle.
    const loaded = (file: string) => fetched.filter((path) => path.endsWith(`/${file}`));
    expect(loaded("pagefind.js")).toEqual(["/reader/pagefind/2015/pagefind.js"]);
    expect(loaded("wasm.en.pagefind")).toEqual(["/reader/pagefind/2015/wasm.en.pagefind"]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test("fills its first page from older years when the newest has too few results", async () => {
    const { page, problems } = await watchedPage();
    // A headline word of a few articles only, in more than one year.
    const query = "ceasefire";
    await page.goto(`${server.url}search/?q=${query}`);
    await page.getByRole("status").filter({ hasText: query }).waitFor();
    const shown = await shownResults(page);
    const expected = (
      await Promise.all(
        YEARS.map((year) => searchBundle(join(build.outDir, "pagefind", year), query)),
      )
    ).flat();
    expect(shown).toHaveLength(Math.min(10, expected.length));
    expect(new Set(shown.map(({ year }) => year)).size).toBeGreaterThan(1);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test("searches every year before it says nothing matches, and goes back to the last query", async () => {
    const { page, problems, fetched } = await watchedPage();
    await page.goto(`${server.url}search/?q=zzyzxquux`);
    await page.getByRole("status").filter({ hasText: "No articles found" }).waitFor();
    for (const year of YEARS) {
      expect(fetched.some((path) => path.startsWith(`/reader/pagefind/${year}/`))).toBe(true);
    }
    expect(await page.getByRole("button", { name: "More results" }).isVisible()).toBe(false);

    const box = page.getByRole("searchbox", { name: "Search the articles" });
    await box.fill("talks");
    await box.press("Enter");
    await page.getByRole("status").filter({ hasText: "“talks”" }).waitFor();
    expect(await page.getByRole("button", { name: "More results" }).isVisible()).toBe(true);
    await page.goBack();
    await page.getByRole("status").filter({ hasText: "No articles found" }).waitFor();
    expect(await box.inputValue()).toBe("zzyzxquux");
    expect(await page.locator(".search-result").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
