import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, test } from "vitest";
import { ARTICLE_PATH, luminance, useBrowserSite, viewportPlace } from "../support/browser";

const site = useBrowserSite();
let context: BrowserContext | undefined;

afterEach(async () => {
  await context?.close();
});

/** Opens the article at a text-fragment link, such as a reader shares from Chromium's "Copy link to highlight". */
async function openAt(fragment: string, colorScheme: "light" | "dark"): Promise<Page> {
  context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
  const page = await context.newPage();
  await page.goto(`${site.origin}${ARTICLE_PATH}#:~:text=${fragment}`);
  return page;
}

/** The background the page gives `::target-text` and a `:target`, as the page's own colours. */
function highlights(page: Page) {
  return page.evaluate(() => ({
    targetText: getComputedStyle(document.querySelector("#p-9")!, "::target-text").backgroundColor,
    mark: getComputedStyle(document.documentElement).getPropertyValue("--color-mark").trim(),
  }));
}

describe.each(["light", "dark"] as const)("a text-fragment link in the %s scheme", (scheme) => {
  test("scrolls the sentence it names into view, with no script of ours", async () => {
    const page = await openAt("core%20disagreement", scheme);
    // The paragraph starts far below the window; the browser scrolls to it
    // once the page has loaded, smoothly unless the reader prefers less motion.
    await page.waitForFunction(() => {
      const { top, bottom } = document.querySelector("#p-9")!.getBoundingClientRect();
      return scrollY > 0 && top >= 0 && bottom <= innerHeight;
    });
    const place = await viewportPlace(page, "#p-9");
    expect(place.top).toBeGreaterThanOrEqual(0);
    expect(place.bottom).toBeLessThanOrEqual(place.viewportHeight);
    expect(place.uncovered).toBe(true);
    // The page's script adds copy buttons and nothing else: it knows no text fragments.
    expect(await page.evaluate(() => location.hash)).toBe("");
  });

  test("marks it as a followed section is marked", async () => {
    const page = await openAt("core%20disagreement", scheme);
    const { targetText, mark } = await highlights(page);
    const asRgb = await page.evaluate((colour) => {
      const probe = document.createElement("i");
      probe.style.color = colour;
      document.body.append(probe);
      const rgb = getComputedStyle(probe).color;
      probe.remove();
      return rgb;
    }, mark);
    expect(targetText).toBe(asRgb);
    // Light: a pale yellow under dark text; dark: a dark olive under light text.
    expect(luminance(targetText) > 0.5).toBe(scheme === "light");
  });
});

test("a text fragment prints unmarked, as a followed section does", async () => {
  const page = await openAt("core%20disagreement", "light");
  await page.emulateMedia({ media: "print" });
  expect((await highlights(page)).targetText).toBe("rgba(0, 0, 0, 0)");
});
