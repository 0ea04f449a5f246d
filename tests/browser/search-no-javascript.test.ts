import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { sitePages, useBrowserSite } from "../support/browser";

const site = useBrowserSite();
const pages = await sitePages(inject("distDir"));
let context: BrowserContext;
beforeAll(async () => {
  context = await site.browser.newContext({ javaScriptEnabled: false });
});
afterAll(() => context?.close());

test("the search page says in one sentence that search needs JavaScript, and links onward", async () => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/search/`);
  const note = page.getByText("Search needs JavaScript");
  expect(await note.isVisible()).toBe(true);
  expect(await note.getByRole("link", { name: "archive" }).getAttribute("href")).toBe("/archive/");
  expect(await note.getByRole("link", { name: "topics" }).getAttribute("href")).toBe("/topics/");
  // A form that could not search is not offered, nor are its filters.
  expect(await page.getByRole("searchbox").count()).toBe(0);
  expect(await page.getByRole("combobox").count()).toBe(0);
  await page.close();
});

test.each(pages.filter((path) => path !== "/search/"))(
  "%s works without JavaScript, its header linking to the search page",
  async (path) => {
    const page = await context.newPage();
    // Each step bounded, so that a stall names the step instead of the test's timeout.
    const response = await page.goto(`${site.origin}${path}`, { timeout: 15_000 });
    expect(response?.status()).toBe(200);
    expect(await page.locator("main h1").count()).toBe(1);
    const link = page.locator(".site-header").getByRole("link", { name: "Search" });
    expect(await link.getAttribute("href", { timeout: 15_000 })).toBe("/search/");
    await Promise.all([
      page.waitForURL(`${site.origin}/search/`, { timeout: 15_000 }),
      link.click({ timeout: 15_000 }),
    ]);
    expect(new URL(page.url()).pathname).toBe("/search/");
    await page.close();
  },
);
