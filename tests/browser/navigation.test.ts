import type { BrowserContext, Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { ARTICLE_PATH, isAtTop, useBrowserSite, viewportPlace } from "../support/browser";

const sections = [
  { id: "russian-military", text: "Russian Military" },
  { id: "assads-future", text: "Assad’s Future" },
  { id: "higher-stakes", text: "Higher Stakes" },
];
const widths = [375, 1280];

const site = useBrowserSite();
let context: BrowserContext;
let page: Page;

/** Opens the article in a fresh context `width` px wide; instant scrolling, as readers who ask for it get. */
async function openArticle(width: number, hash = ""): Promise<Page> {
  context = await site.browser.newContext({
    viewport: { width, height: 800 },
    reducedMotion: "reduce",
  });
  page = await context.newPage();
  await page.goto(`${site.origin}${ARTICLE_PATH}${hash}`);
  return page;
}

beforeEach(() => {
  context = undefined as unknown as BrowserContext;
});
afterEach(async () => {
  await context?.close();
});

/** The id of the focused element, or its tag and class when it has none. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return "";
    return element.id ? `#${element.id}` : `${element.tagName.toLowerCase()}.${element.className}`;
  });
}

describe.each(widths)("the article page at %i px", (width) => {
  test("a deep link to #assads-future shows that heading at the top, uncovered, and marks it", async () => {
    await openArticle(width, "#assads-future");
    expect(isAtTop(await viewportPlace(page, "#assads-future"))).toBe(true);
    expect(await page.$eval("#assads-future", (heading) => heading.matches(":target"))).toBe(true);
    const marked = await page.$eval("#assads-future", (h) => getComputedStyle(h).backgroundColor);
    const plain = await page.$eval("#russian-military", (h) => getComputedStyle(h).backgroundColor);
    expect(marked).not.toBe(plain);
    // The followed section shows its link's "#", ready to copy; the others keep theirs hidden.
    const opacity = (id: string) =>
      page.$eval(`a.section-link[href="#${id}"]`, (a) => getComputedStyle(a, "::after").opacity);
    expect(await opacity("assads-future")).toBe("1");
    expect(await opacity("russian-military")).toBe("0");
  });

  test("the table of contents takes the reader to each section", async () => {
    await openArticle(width);
    const toc = page.getByRole("navigation", { name: "In this article" });
    // Narrow screens fold the table of contents away until it is opened.
    if (width < 1024) {
      expect(await toc.getByRole("link").first().isVisible()).toBe(false);
      await toc.locator("summary").click();
    }
    for (const { id, text } of sections) {
      await toc.getByRole("link", { name: text, exact: true }).click();
      expect(new URL(page.url()).hash).toBe(`#${id}`);
      expect(isAtTop(await viewportPlace(page, `#${id}`)), id).toBe(true);
    }
  });

  test("has its landmarks: banner, main with the article, the contents' navigation, contentinfo", async () => {
    await openArticle(width);
    for (const role of ["banner", "main", "article", "contentinfo"] as const) {
      expect(await page.getByRole(role).count(), role).toBe(1);
    }
    expect(await page.getByRole("main").getByRole("article").count()).toBe(1);
    expect(await page.getByRole("navigation", { name: "In this article" }).count()).toBe(1);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
  });

  test("Tab reaches the skip link first, and the skip link moves focus to the main content", async () => {
    await openArticle(width);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("a.skip-link");
    const skipLink = await viewportPlace(page, ".skip-link");
    expect(skipLink.uncovered && skipLink.top >= 0).toBe(true);
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe("#main");
    // The next Tab goes on from the main content, not from the top again.
    await page.keyboard.press("Tab");
    expect(
      await page.evaluate(() => document.querySelector("main")!.contains(document.activeElement)),
    ).toBe(true);
  });

  test("every section link takes a tab stop, shows its # on focus and is named by its heading; paragraphs take none", async () => {
    await openArticle(width);
    // Every stop in tab order, once round the page: "tag.class#href" or "tag.class text".
    const stops: string[] = [];
    for (let i = 0; i < 60; i += 1) {
      await page.keyboard.press("Tab");
      const stop = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body || element.hasAttribute("data-tabbed")) return "";
        element.setAttribute("data-tabbed", "");
        const name = element.getAttribute("href") ?? ` ${element.textContent}`;
        return `${element.tagName.toLowerCase()}.${element.className}${name}`;
      });
      if (stop === "") break;
      stops.push(stop);
    }
    expect(stops[0]).toBe("a.skip-link#main");
    const sectionLinks = stops.filter((stop) => stop.startsWith("a.section-link"));
    expect(sectionLinks).toEqual(sections.map(({ id }) => `a.section-link#${id}`));
    expect(stops.filter((stop) => /^(p|h\d|div)\./.test(stop))).toEqual([]);

    for (const { id, text } of sections) {
      const heading = page.getByRole("heading", { name: text, exact: true });
      expect(await heading.count()).toBe(1);
      const link = heading.getByRole("link", { name: text, exact: true });
      expect(await link.count()).toBe(1);
      expect(await link.getAttribute("href")).toBe(`#${id}`);
      await page.mouse.move(0, 0);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const marker = () => link.evaluate((a) => getComputedStyle(a, "::after").opacity);
      expect(await marker()).toBe("0");
      await link.focus();
      expect(await marker()).toBe("1");
    }
  });

  test("a section link shows its # when the pointer is over its heading", async () => {
    await openArticle(width);
    const link = page.locator('a.section-link[href="#higher-stakes"]');
    await page.locator("#higher-stakes").hover();
    expect(await link.evaluate((a) => getComputedStyle(a, "::after").opacity)).toBe("1");
  });

  test("#p-3 lands on the third paragraph, and the update note's link goes there and marks it", async () => {
    await openArticle(width, "#p-3");
    expect(isAtTop(await viewportPlace(page, "#p-3"))).toBe(true);
    expect(await page.locator("#p-3").textContent()).toMatch(/^“We offered cooperation/);
    expect(await page.$eval("#p-3", (p) => p.matches(":target"))).toBe(true);

    await page.goto(`${site.origin}${ARTICLE_PATH}`);
    const note = page.locator(".update-note").getByRole("link", { name: "third paragraph" });
    await note.click();
    expect(new URL(page.url()).hash).toBe("#p-3");
    expect(isAtTop(await viewportPlace(page, "#p-3"))).toBe(true);
    const marked = await page.$eval("#p-3", (p) => getComputedStyle(p).backgroundColor);
    const plain = await page.$eval("#p-4", (p) => getComputedStyle(p).backgroundColor);
    expect(marked).not.toBe(plain);
  });
});
