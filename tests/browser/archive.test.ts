import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { writeSyntheticArticles } from "../../src/cli/synthetic-articles";
import { buildSite, type BuildResult } from "../support/build";
import { runAxe, sitePages, useBrowserSite } from "../support/browser";

// 130 articles of 2015, all on the topic "World": more than a page lists
// (100), so its pages list years and months; the archive's and the other
// topics' and people's list articles. One article never shows any of this.
const ARTICLES = 130;
let contentDir: string | undefined;
let build: BuildResult | undefined;

const site = useBrowserSite(async () => {
  contentDir = await mkdtemp(join(tmpdir(), "broadsheet-archive-"));
  await writeSyntheticArticles(contentDir, ARTICLES, 2015, {
    from: "2015-01-01",
    days: 365,
    sharedTopic: "World",
  });
  build = await buildSite({ CONTENT_DIR: contentDir });
  expect(build.exitCode, build.output).toBe(0);
  return build.outDir;
});
afterAll(async () => {
  if (contentDir) await rm(contentDir, { recursive: true, force: true });
  if (build) await rm(build.workDir, { recursive: true, force: true });
});

/** One page of each kind of list, and an article. */
async function pagesToCheck(): Promise<string[]> {
  const pages = await sitePages(build!.outDir);
  const first = (pattern: RegExp) => {
    const page = pages.find((path) => pattern.test(path));
    expect(page, String(pattern)).toBeDefined();
    return page!;
  };
  return [
    "/",
    "/archive/",
    "/archive/2015/",
    first(/^\/archive\/2015\/\d{2}\/$/),
    first(/^\/archive\/2015\/\d{2}\/\d{2}\/$/),
    "/topics/",
    "/topics/world/",
    "/topics/world/2015/",
    first(/^\/topics\/world\/2015\/\d{2}\/$/),
    "/topics/trade/",
    first(/^\/people\/[^/]+\/$/),
    first(/^\/articles\//),
  ];
}

describe("an archive of 130 articles, browsed by date, topic and person", () => {
  test.each(["light", "dark"] as const)(
    "axe-core finds no violation on its list pages and an article in the %s scheme, at 375 and 1280 px",
    async (scheme) => {
      for (const width of [375, 1280]) {
        const context = await site.browser.newContext({
          colorScheme: scheme,
          viewport: { width, height: 800 },
        });
        try {
          const page = await context.newPage();
          for (const path of await pagesToCheck()) {
            await page.goto(`${site.origin}${path}`);
            expect(await runAxe(page), `${path} at ${width} px`).toEqual([]);
          }
        } finally {
          await context.close();
        }
      }
    },
  );

  test("at 320 px no page scrolls sideways, and the browsing links are big enough to tap", async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await context.newPage();
      for (const path of await pagesToCheck()) {
        await page.goto(`${site.origin}${path}`);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
      for (const [path, selector, least] of [
        ["/topics/world/2015/", ".breadcrumbs a, .period-index a", 3],
        ["/", ".more-articles a", 3],
        [(await pagesToCheck()).at(-1)!, ".topics a", 2],
      ] as const) {
        await page.goto(`${site.origin}${path}`);
        const boxes = await page
          .locator(selector)
          .evaluateAll((links) =>
            links
              .map((link) => link.getBoundingClientRect())
              .map(({ width, height }) => ({ width, height })),
          );
        expect(boxes.length, path).toBeGreaterThanOrEqual(least);
        for (const box of boxes) {
          expect(box.width, `${path} ${selector}`).toBeGreaterThanOrEqual(24);
          expect(box.height, `${path} ${selector}`).toBeGreaterThanOrEqual(24);
        }
      }
    } finally {
      await context.close();
    }
  });

  test("a reader reaches an article from the front page through the archive, by links alone", async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.origin}/`);
      await page.getByRole("link", { name: "Archive by date" }).click();
      await page.getByRole("link", { name: "2015", exact: true }).click();
      expect(new URL(page.url()).pathname).toBe("/archive/2015/");
      await page.locator(".period-index a").last().click();
      expect(new URL(page.url()).pathname).toBe("/archive/2015/01/");
      await page.locator(".article-index a").first().click();
      expect(new URL(page.url()).pathname).toMatch(/^\/articles\/2015-01-\d{2}\/story-\d+\/$/);
      await page.getByRole("link", { name: "World" }).click();
      expect(new URL(page.url()).pathname).toBe("/topics/world/");
      // The breadcrumbs' "Topics", not the header's.
      await page
        .getByRole("navigation", { name: "Breadcrumb" })
        .getByRole("link", { name: "Topics" })
        .click();
      expect(new URL(page.url()).pathname).toBe("/topics/");
    } finally {
      await page.close();
    }
  });
});
