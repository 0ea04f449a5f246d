import type { Page } from "playwright-core";
import { describe, expect, inject, test } from "vitest";
import { layoutShift, runAxe, useBrowserSite } from "../support/browser";
import { subpathSite } from "../support/global-build";
import { newerArticles } from "../support/publishing-fixture";

/*
 * The /reader/ build's article with a lead picture and two figures, served
 * under /reader/ with its _headers (its CSP among them), as deployed.
 */
const site = useBrowserSite(() => inject("subpathDistDir"), { base: subpathSite.BASE_PATH });

const url = () => `${site.url}${newerArticles.authored.path}`;

/** Opens the article in a fresh context: nothing cached, every picture fetched. */
async function open<T>(
  options: { width: number; deviceScaleFactor?: number; colorScheme?: "light" | "dark" },
  use: (page: Page, pictureBytes: Map<string, number>) => Promise<T>,
): Promise<T> {
  const { width, deviceScaleFactor = 1, colorScheme = "light" } = options;
  const context = await site.browser.newContext({
    viewport: { width, height: 800 },
    deviceScaleFactor,
    colorScheme,
  });
  try {
    const page = await context.newPage();
    const pictureBytes = new Map<string, number>();
    page.on("response", async (response) => {
      if (!response.url().includes("/_astro/")) return;
      const body = await response.body().catch(() => undefined);
      if (body) pictureBytes.set(new URL(response.url()).pathname, body.length);
    });
    await page.goto(url(), { waitUntil: "load" });
    return await use(page, pictureBytes);
  } finally {
    await context.close();
  }
}

/** Every picture of the page, after scrolling each lazy one into view: its source and whether it drew. */
async function pictures(page: Page) {
  for (const img of await page.locator("figure img").all()) {
    await img.scrollIntoViewIfNeeded();
    await img.evaluate((element: HTMLImageElement) => element.decode().catch(() => {}));
  }
  return page.$$eval("figure img", (images) =>
    images.map((img) => ({
      src: new URL((img as HTMLImageElement).currentSrc).pathname,
      drawn: (img as HTMLImageElement).naturalWidth > 0,
    })),
  );
}

describe.each([
  { width: 375, deviceScaleFactor: 2 },
  { width: 375, deviceScaleFactor: 3 },
  { width: 1280, deviceScaleFactor: 1 },
])("at $width px, $deviceScaleFactor× pixels", (options) => {
  test("every picture loads under the site's CSP, the lead as AVIF, light enough for a phone", async () => {
    await open(options, async (page, bytes) => {
      const shown = await pictures(page);
      expect(shown).toHaveLength(3);
      expect(shown.every(({ drawn }) => drawn)).toBe(true);
      const [lead, ...figures] = shown;
      expect(lead!.src).toMatch(/^\/reader\/_astro\/paris\.[^/]+\.avif$/);
      for (const figure of figures) expect(figure.src).toMatch(/\.webp$/);
      const leadBytes = bytes.get(lead!.src);
      console.log(`${options.width} px at ${options.deviceScaleFactor}×: lead ${leadBytes} bytes`);
      if (options.width === 375) expect(leadBytes).toBeLessThan(60_000);
    });
  });
});

describe.each([375, 1280])("at %i px", (width) => {
  test("nothing moves as the pictures load", async () => {
    await open({ width }, async (page) => {
      await pictures(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      const shift = await layoutShift(page);
      expect(shift).toBe(0);
    });
  });

  test.for(["light", "dark"] as const)(
    "axe-core finds no violation in the %s scheme",
    async (colorScheme) => {
      await open({ width, colorScheme }, async (page) => {
        await pictures(page);
        expect(await runAxe(page)).toEqual([]);
      });
    },
  );
});

test("on paper, every picture is at most the column's width, its credit printed under it", async () => {
  await open({ width: 1280 }, async (page) => {
    await pictures(page);
    await page.emulateMedia({ media: "print" });
    const printed = await page.$$eval("figure", (figures) =>
      figures.map((figure) => {
        const column = figure.parentElement!.getBoundingClientRect().width;
        const img = figure.querySelector("img")!.getBoundingClientRect();
        const credit = figure.querySelector(".credit");
        return {
          fits: img.width > 0 && img.width <= column + 0.5,
          credit: credit ? getComputedStyle(credit).display !== "none" && credit.textContent : null,
        };
      }),
    );
    expect(printed).toEqual([
      { fits: true, credit: newerArticles.authored.image.credit },
      { fits: true, credit: newerArticles.authored.figure.credit },
      { fits: true, credit: "Jane Doe/Test Wire" },
    ]);
  });
});
