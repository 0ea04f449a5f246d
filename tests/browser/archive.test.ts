import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { writeSyntheticArticles } from "../support/synthetic-articles";
import { buildSite, type BuildResult } from "../support/build";
import { runAxe, sitePages, useBrowserSite } from "../support/browser";

// 45 articles at 20 a page: list pages with the pager, which one article never shows.
const ARTICLES = 45;
let contentDir: string | undefined;
let build: BuildResult | undefined;

const site = useBrowserSite(async () => {
  contentDir = await mkdtemp(join(tmpdir(), "broadsheet-archive-"));
  await writeSyntheticArticles(contentDir, ARTICLES);
  build = await buildSite({ CONTENT_DIR: contentDir });
  expect(build.exitCode, build.output).toBe(0);
  return build.outDir;
});
afterAll(async () => {
  if (contentDir) await rm(contentDir, { recursive: true, force: true });
  if (build) await rm(build.workDir, { recursive: true, force: true });
});

/** The list pages and the newest article of the archive. */
async function pagesToCheck(): Promise<string[]> {
  const pages = await sitePages(build!.outDir);
  const lists = pages.filter((path) => path === "/" || path.startsWith("/page/"));
  expect(lists).toEqual(["/", "/page/2/", "/page/3/"]);
  return [...lists, pages.find((path) => path.startsWith("/articles/"))!];
}

describe("an archive of 45 articles, with the front page's pager", () => {
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

  test("at 320 px no page scrolls sideways, and the pager's links are big enough to tap", async () => {
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
      await page.goto(`${site.origin}/page/2/`);
      const boxes = await page
        .locator(".pager a")
        .evaluateAll((links) =>
          links
            .map((link) => link.getBoundingClientRect())
            .map(({ width, height }) => ({ width, height })),
        );
      expect(boxes.length).toBeGreaterThan(3);
      for (const box of boxes) {
        expect(box.width).toBeGreaterThanOrEqual(24);
        expect(box.height).toBeGreaterThanOrEqual(24);
      }
    } finally {
      await context.close();
    }
  });
});
