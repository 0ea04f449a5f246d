import type { BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterEach, describe, expect, inject, test } from "vitest";
import { ARTICLE_PATH, luminance, sitePages, useBrowserSite } from "../support/browser";

const site = useBrowserSite();
const contexts: BrowserContext[] = [];

/** A tab in a fresh context with the given options. */
async function newTab(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await site.browser.newContext({
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  contexts.push(context);
  return context.newPage();
}

/** Opens a page of the site in a fresh context with the given options. */
async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await newTab(options);
  await page.goto(`${site.origin}${path}`);
  return page;
}

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/** The computed value of a CSS property of the first element matching `selector`. */
function style(page: Page, selector: string, property: string, pseudo?: string): Promise<string> {
  return page.$eval(
    selector,
    (element, [name, pseudoElement]) =>
      getComputedStyle(element, pseudoElement).getPropertyValue(name!),
    [property, pseudo ?? null] as const,
  );
}

describe("colour schemes", () => {
  test("the dark scheme really renders dark: light text on a dark background", async () => {
    const page = await open(ARTICLE_PATH, { colorScheme: "dark" });
    expect(luminance(await style(page, "body", "background-color"))).toBeLessThan(0.05);
    expect(luminance(await style(page, "body", "color"))).toBeGreaterThan(0.6);
    expect(luminance(await style(page, ".article-body p", "color"))).toBeGreaterThan(0.6);
    expect(await style(page, ":root", "color-scheme")).toBe("light dark");
  });

  test("the light scheme renders light: dark text on a light background", async () => {
    const page = await open(ARTICLE_PATH, { colorScheme: "light" });
    expect(luminance(await style(page, "body", "background-color"))).toBeGreaterThan(0.9);
    expect(luminance(await style(page, "body", "color"))).toBeLessThan(0.05);
  });
});

describe.each(["light", "dark"] as const)("focus in the %s scheme", (colorScheme) => {
  test("a keyboard-focused link shows a solid ring at least 3:1 against the background", async () => {
    const page = await open(ARTICLE_PATH, { colorScheme });
    const background = luminance(await style(page, "body", "background-color"));
    // Through the skip link and the site's name to the first of the header's links.
    for (let i = 0; i < 3; i += 1) await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const { outlineColor, outlineStyle, outlineWidth } = getComputedStyle(
        document.activeElement!,
      );
      return { outlineColor, outlineStyle, outlineWidth: parseFloat(outlineWidth) };
    });
    expect(ring.outlineStyle).toBe("solid");
    expect(ring.outlineWidth).toBeGreaterThanOrEqual(2);
    const [lighter, darker] = [luminance(ring.outlineColor), background].sort((a, b) => b - a);
    expect((lighter! + 0.05) / (darker! + 0.05)).toBeGreaterThanOrEqual(3);
  });
});

describe("print", () => {
  test("prints black on white without navigation or the table of contents, even for a dark-scheme reader", async () => {
    const page = await open(ARTICLE_PATH, { colorScheme: "dark" });
    await page.emulateMedia({ media: "print" });
    for (const selector of [".skip-link", ".site-header", ".toc", ".copy-link"]) {
      expect(await style(page, selector, "display"), selector).toBe("none");
    }
    // A heading's words are its self-link: they print, without the "#".
    expect(await page.locator("#assads-future").isVisible()).toBe(true);
    expect(await style(page, ".section-link", "content", "::after")).toBe("none");
    expect(await style(page, ".section-link", "color")).toBe("rgb(0, 0, 0)");
    expect(await page.getByRole("navigation").count()).toBe(0);
    expect(await style(page, "body", "color")).toBe("rgb(0, 0, 0)");
    expect(await style(page, "body", "background-color")).toBe("rgb(255, 255, 255)");
    expect(await style(page, ".article-body p", "color")).toBe("rgb(0, 0, 0)");
    expect(await page.locator(".article-body").isVisible()).toBe(true);
  });

  test("prints the whole article: the bullets, the body, the contributors and the update note", async () => {
    const page = await open(ARTICLE_PATH);
    await page.emulateMedia({ media: "print" });
    const printed = async (selector: string) => {
      const part = page.locator(selector);
      expect(await part.isVisible(), selector).toBe(true);
      return (await part.innerText()).replace(/\s+/g, " ").trim();
    };
    expect(await printed(".bullets")).toBe(
      "Meeting on summit sideline first since Russia bombed Syria Russia seeks collaboration on Syrian war, fighting terrorism",
    );
    expect(await printed("#p-16")).toMatch(/“in the interests of mutual cooperation\.”$/);
    expect(await printed(".contributors")).toBe(
      "With assistance by Robert Hutton, Henry Meyer, Ryan Chilcote, and Stepan Kravchenko",
    );
    expect(await printed(".update-note")).toBe("(Updates with Putin comment in third paragraph.)");
  });

  test("prints an external link's address after it, and not a link within the page", async () => {
    const page = await open(ARTICLE_PATH);
    // The article links nowhere outside, so the test adds one the way Markdown renders it.
    await page.$eval("#p-1", (p) => {
      const link = document.createElement("a");
      link.href = "https://www.bloomberg.com/politics";
      link.textContent = "Bloomberg Politics";
      p.append(" See ", link, ".");
    });
    await page.emulateMedia({ media: "print" });
    expect(await style(page, "#p-1 a", "content", "::after")).toBe(
      '" (https://www.bloomberg.com/politics)"',
    );
    expect(await style(page, ".update-note a", "content", "::after")).toBe("none");
  });

  test("keeps a section heading with the text that follows it, and paragraphs from breaking to one line", async () => {
    const page = await open(ARTICLE_PATH);
    await page.emulateMedia({ media: "print" });
    expect(await style(page, "#assads-future", "display")).toBe("block");
    expect(await style(page, "#assads-future", "break-after")).toBe("avoid");
    expect(await style(page, "#assads-future", "break-inside")).toBe("avoid");
    expect(await style(page, "#p-1", "orphans")).toBe("3");
    expect(await style(page, "#p-1", "widows")).toBe("3");
  });
});

describe("layout", () => {
  test("at 320 px no page scrolls sideways, the article's table of contents open or not", async () => {
    // One tab loads every page in turn: a fresh context a page, 22 of them,
    // took 56 s of a CI run, most of it starting renderer processes.
    const page = await newTab({ viewport: { width: 320, height: 640 } });
    for (const path of await sitePages(inject("distDir"))) {
      await page.goto(`${site.origin}${path}`);
      const overflow = () =>
        page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
      expect(await overflow(), path).toBeLessThanOrEqual(0);
      if (path === ARTICLE_PATH) {
        await page.locator(".toc summary").click();
        expect(await overflow(), `${path} with its contents open`).toBeLessThanOrEqual(0);
      }
    }
  }, 180_000);

  test.each([375, 1280])("at %i px the body text keeps a readable measure", async (width) => {
    const page = await open(ARTICLE_PATH, { viewport: { width, height: 800 } });
    // Characters a full line, in each paragraph of three lines or more, from
    // the line boxes the browser laid out; the last line counts as the part
    // of a line it fills.
    const lineLengths = await page.$$eval(".article-body > p[id]", (paragraphs) =>
      paragraphs.flatMap((p) => {
        const range = document.createRange();
        range.selectNodeContents(p);
        const widths = new Map<number, number>();
        for (const rect of range.getClientRects()) {
          const top = Math.round(rect.top);
          widths.set(top, (widths.get(top) ?? 0) + rect.width);
        }
        const lines = [...widths.values()];
        if (lines.length < 3) return [];
        const fullLines = lines.length - 1 + lines.at(-1)! / Math.max(...lines);
        return [p.textContent!.length / fullLines];
      }),
    );
    expect(lineLengths.length).toBeGreaterThan(5);
    const average = lineLengths.reduce((sum, length) => sum + length, 0) / lineLengths.length;
    if (width >= 1024) {
      expect(average).toBeGreaterThanOrEqual(60);
      expect(average).toBeLessThanOrEqual(75);
    } else {
      expect(average).toBeLessThanOrEqual(75);
    }
  });

  test("type grows with the screen: headline and body are larger at 1280 px than at 320 px", async () => {
    const narrow = await open(ARTICLE_PATH, { viewport: { width: 320, height: 640 } });
    const wide = await open(ARTICLE_PATH, { viewport: { width: 1280, height: 800 } });
    for (const selector of ["h1", ".article-body p", ".article-body h2"]) {
      const small = parseFloat(await style(narrow, selector, "font-size"));
      const large = parseFloat(await style(wide, selector, "font-size"));
      expect(large, selector).toBeGreaterThan(small);
    }
    // The hierarchy holds at both ends: headline over section heading over body.
    for (const page of [narrow, wide]) {
      const [h1, h2, body] = await Promise.all(
        ["h1", ".article-body h2", ".article-body p"].map(async (selector) =>
          parseFloat(await style(page, selector, "font-size")),
        ),
      );
      expect(h1).toBeGreaterThan(h2!);
      expect(h2).toBeGreaterThan(body!);
    }
  });

  test("on a wide screen the table of contents stands beside the text and stays in view", async () => {
    const page = await open(ARTICLE_PATH);
    const toc = page.getByRole("navigation", { name: "In this article" });
    const tocBox = (await toc.boundingBox())!;
    const bodyBox = (await page.locator(".article-body").boundingBox())!;
    expect(tocBox.x).toBeGreaterThanOrEqual(bodyBox.x + bodyBox.width);
    expect(await toc.getByRole("link", { name: "Higher Stakes" }).isVisible()).toBe(true);
    expect(await toc.locator("summary").isVisible()).toBe(false);
    await page.locator("#p-16").scrollIntoViewIfNeeded();
    const scrolledBox = (await toc.boundingBox())!;
    expect(scrolledBox.y).toBeGreaterThanOrEqual(0);
    expect(scrolledBox.y + scrolledBox.height).toBeLessThanOrEqual(800);
  });

  test("on a narrow screen the table of contents is a closed block above the text, which opens", async () => {
    const page = await open(ARTICLE_PATH, { viewport: { width: 375, height: 800 } });
    const toc = page.getByRole("navigation", { name: "In this article" });
    const summary = toc.locator("summary");
    expect(await summary.isVisible()).toBe(true);
    expect(await toc.getByRole("link").first().isVisible()).toBe(false);
    const tocBox = (await toc.boundingBox())!;
    const bodyBox = (await page.locator(".article-body").boundingBox())!;
    expect(tocBox.y + tocBox.height).toBeLessThanOrEqual(bodyBox.y);
    expect(await style(page, ".toc", "position")).toBe("static");
    await summary.click();
    expect(await toc.getByRole("link", { name: "Higher Stakes" }).isVisible()).toBe(true);
  });
});

describe("motion", () => {
  test("scrolls smoothly to a section, unless the reader asks for reduced motion", async () => {
    const moving = await open(ARTICLE_PATH, { reducedMotion: "no-preference" });
    expect(await style(moving, "html", "scroll-behavior")).toBe("smooth");
    const still = await open(ARTICLE_PATH, { reducedMotion: "reduce" });
    expect(await style(still, "html", "scroll-behavior")).toBe("auto");
  });
});
