import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ARTICLE_PATH, useBrowserSite } from "../support/browser";

const sections = [
  { id: "russian-military", text: "Russian Military" },
  { id: "assads-future", text: "Assad’s Future" },
  { id: "higher-stakes", text: "Higher Stakes" },
];

const site = useBrowserSite();
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.origin });
  page = await context.newPage();
  await page.goto(`${site.origin}${ARTICLE_PATH}`);
});
afterAll(() => context.close());

const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
const status = () => page.getByRole("status").textContent();

describe("the copy-link buttons", () => {
  test("stand after each section heading, named for their section", async () => {
    for (const { id, text } of sections) {
      const button = page.getByRole("button", {
        name: `Copy link to section: ${text}`,
        exact: true,
      });
      expect(await button.count()).toBe(1);
      const sibling = await button.evaluate((b) => b.previousElementSibling?.id);
      expect(sibling).toBe(id);
    }
  });

  test.each(sections)(
    "copies the full URL of $text and says so in a live region",
    async ({ id, text }) => {
      await page.evaluate(() => navigator.clipboard.writeText(""));
      await page.getByRole("button", { name: `Copy link to section: ${text}` }).click();
      expect(await clipboard()).toBe(`${site.origin}${ARTICLE_PATH}#${id}`);
      await page.waitForFunction(
        (expected) => document.querySelector('[role="status"]')?.textContent === expected,
        `Link to section ${text} copied`,
      );
      expect(await status()).toBe(`Link to section ${text} copied`);
    },
  );

  test("work from the keyboard, and leave the page where it was", async () => {
    await page.evaluate(() => navigator.clipboard.writeText(""));
    const before = await page.evaluate(() => location.href);
    await page.getByRole("button", { name: "Copy link to section: Higher Stakes" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => navigator.clipboard.readText().then((text) => text !== ""));
    expect(await clipboard()).toBe(`${site.origin}${ARTICLE_PATH}#higher-stakes`);
    expect(await page.evaluate(() => location.href)).toBe(before);
  });
});
