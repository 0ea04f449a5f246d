import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ARTICLE_PATH, isAtTop, useBrowserSite, viewportPlace } from "../support/browser";

const site = useBrowserSite();

describe.each([375, 1280])("the article page with JavaScript disabled, at %i px", (width) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await site.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width, height: 800 },
      reducedMotion: "reduce",
    });
    page = await context.newPage();
  });
  afterAll(() => context.close());

  test("shows the whole article, and no copy buttons, which need JavaScript", async () => {
    await page.goto(`${site.origin}${ARTICLE_PATH}`);
    expect(await page.locator("h1").textContent()).toBe(
      "Putin Goes From G-20 Pariah to Player at Obama Turkey Talk",
    );
    expect(await page.locator(".article-body > p[id]").count()).toBe(16);
    expect(await page.locator("#p-16").isVisible()).toBe(true);
    for (const part of [".bullets", ".contributors", ".update-note"]) {
      expect(await page.locator(part).isVisible(), part).toBe(true);
    }
    expect(await page.locator(".copy-link, [role='status']").count()).toBe(0);
  });

  test("follows a deep link to a section and to a paragraph", async () => {
    for (const id of ["assads-future", "p-3"]) {
      await page.goto(`${site.origin}${ARTICLE_PATH}#${id}`);
      expect(isAtTop(await viewportPlace(page, `#${id}`)), id).toBe(true);
    }
  });

  test("follows the table of contents' links, and the sections' own links", async () => {
    await page.goto(`${site.origin}${ARTICLE_PATH}`);
    const toc = page.getByRole("navigation", { name: "In this article" });
    // On a narrow screen the contents are a <details>, which opens without JavaScript.
    if (width < 1024) await toc.locator("summary").click();
    await toc.getByRole("link", { name: "Higher Stakes" }).click();
    expect(new URL(page.url()).hash).toBe("#higher-stakes");
    expect(isAtTop(await viewportPlace(page, "#higher-stakes"))).toBe(true);

    await page
      .getByRole("heading", { name: "Assad’s Future" })
      .getByRole("link", { name: "Assad’s Future" })
      .click();
    expect(new URL(page.url()).hash).toBe("#assads-future");
    expect(isAtTop(await viewportPlace(page, "#assads-future"))).toBe(true);
  });

  test("moves focus to the main content from the skip link", async () => {
    await page.goto(`${site.origin}${ARTICLE_PATH}`);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  });
});
