import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import {
  ARTICLE_PATH,
  isAtTop,
  sitePages,
  useBrowserSite,
  viewportPlace,
} from "../support/browser";

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

describe.each([375, 1280])("the browsing pages with JavaScript disabled, at %i px", (width) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await site.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width, height: 800 },
    });
    page = await context.newPage();
  });
  afterAll(() => context.close());

  test("every page of the site shows its heading and what it lists", async () => {
    // The search page lists nothing without JavaScript: it says so and links
    // onward, which tests/browser/search-no-javascript.test.ts checks.
    const pages = (await sitePages(inject("distDir"))).filter(
      (path) => path !== "/404.html" && path !== "/search/",
    );
    for (const kind of [
      "/archive/",
      "/archive/2015/11/15/",
      "/topics/",
      "/topics/g-20/",
      "/people/",
      "/people/robert-hutton/",
    ]) {
      expect(pages).toContain(kind);
    }
    for (const path of pages) {
      await page.goto(`${site.origin}${path}`);
      expect(await page.locator("h1").count(), path).toBe(1);
      // The masthead's policy pages (/about/…) are text, not lists.
      if (path.startsWith("/about/")) continue;
      // Every page lists by links: articles, periods or topics (the article, its contents and topics).
      const listed = await page.locator("main li a").count();
      // The corrections record of a site with none says so instead.
      if (path === "/corrections/" && listed === 0) {
        expect(await page.locator("main").textContent(), path).toContain(
          "No article has been corrected.",
        );
        continue;
      }
      expect(listed, path).toBeGreaterThan(0);
    }
  });

  test("the article's topic, byline and date links lead to the pages that list it", async () => {
    for (const name of ["Syrian War", "Robert Hutton", "November 15, 2015"]) {
      await page.goto(`${site.origin}${ARTICLE_PATH}`);
      await page.getByRole("link", { name, exact: true }).click();
      // Each page is named after what the link said.
      expect(await page.locator("h1").textContent(), name).toBe(name);
      await page.getByRole("link", { name: /Putin Goes From G-20 Pariah/ }).click();
      expect(new URL(page.url()).pathname).toBe(ARTICLE_PATH);
    }
  });

  test("the front page leads to the archive and the topics", async () => {
    await page.goto(`${site.origin}/`);
    await page.getByRole("link", { name: "Archive by date" }).click();
    expect(await page.locator("h1").textContent()).toBe("Archive");
    await page.getByRole("link", { name: "November 2015" }).click();
    expect(await page.locator("h1").textContent()).toBe("November 2015");
    await page.goto(`${site.origin}/`);
    await page
      .getByRole("navigation", { name: "More articles" })
      .getByRole("link", { name: "Topics", exact: true })
      .click();
    expect(await page.locator("h1").textContent()).toBe("Topics");
  });
});
