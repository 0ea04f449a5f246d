import { mkdir, writeFile } from "node:fs/promises";
import { afterAll, describe, expect, inject, test } from "vitest";
import {
  ARTICLE_PATH,
  runAxe,
  sitePages,
  tabPool,
  useBrowserSite,
  type AxeViolation,
} from "../support/browser";

const site = useBrowserSite();
const pages = await sitePages(inject("distDir"));
const schemes = ["light", "dark"] as const;
const widths = [375, 1280];

/** Every run's violations, written out so a person can read what axe saw. */
const report: Record<string, AxeViolation[]> = {};
afterAll(async () => {
  await mkdir(new URL("../output/", import.meta.url), { recursive: true });
  await writeFile(
    new URL("../output/axe-report.json", import.meta.url),
    JSON.stringify(report, null, 2),
  );
});

test("checks every page of the built site", () => {
  expect(pages).toEqual(expect.arrayContaining(["/", ARTICLE_PATH, "/404.html"]));
});

test("would catch a violation: pale text and an image without a text alternative", async () => {
  const page = await site.browser.newPage();
  try {
    await page.goto(`${site.origin}${ARTICLE_PATH}`);
    await page.$eval("#p-1", (p) => {
      p.style.color = "#ccc";
      p.append(document.createElement("img"));
    });
    const found = (await runAxe(page)).map(({ id, targets }) => ({ id, targets }));
    expect(found).toEqual(
      expect.arrayContaining([
        { id: "color-contrast", targets: ["#p-1"] },
        { id: "image-alt", targets: ["img"] },
      ]),
    );
  } finally {
    await page.close();
  }
});

// Runs go side by side, and each borrows a tab of its scheme and width
// (`tabPool`): a fresh context for each of 88 runs took 213 s of a CI run.
const borrowTab = tabPool(site);
describe.concurrent.each(pages)("axe-core on %s", (path) => {
  test.for(schemes.flatMap((scheme) => widths.map((width) => ({ scheme, width }))))(
    "finds no WCAG 2.2 A/AA or best-practice violation in the $scheme scheme at $width px",
    async ({ scheme, width }, { expect }) => {
      const options = { colorScheme: scheme, viewport: { width, height: 800 } };
      const violations = await borrowTab(options, async (page) => {
        await page.goto(`${site.origin}${path}`);
        return runAxe(page);
      });
      report[`${path} ${scheme} ${width}px`] = violations;
      expect(violations).toEqual([]);
      if (path !== ARTICLE_PATH) return;
      // The article's states a reader reaches: its contents open, a section
      // followed. In a context of its own, as the mouse it moves would stay
      // over the next page a lent tab loads.
      const context = await site.browser.newContext(options);
      try {
        const page = await context.newPage();
        await page.goto(`${site.origin}${path}`);
        await page.goto(`${site.origin}${path}#assads-future`);
        if (width < 1024) await page.locator(".toc summary").click();
        await page.locator(".article-body h2").first().hover();
        const opened = await runAxe(page);
        report[`${path}#assads-future ${scheme} ${width}px, contents open`] = opened;
        expect(opened).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
