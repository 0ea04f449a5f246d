import { mkdir, rm } from "node:fs/promises";
import type { BrowserContextOptions, Page } from "playwright-core";
import { beforeAll, expect, test } from "vitest";
import { ARTICLE_PATH, useBrowserSite } from "../support/browser";

/** Where the pictures go for a person to look at; the folder is git-ignored. */
const folder = new URL("../output/screenshots/", import.meta.url);

const site = useBrowserSite();
beforeAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
});

/** The mean relative luminance of a PNG's pixels (0 black, 1 white), decoded by the page's own canvas. */
function meanLuminance(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const linear = (value: number) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) {
      sum +=
        0.2126 * linear(data[i]!) + 0.7152 * linear(data[i + 1]!) + 0.0722 * linear(data[i + 2]!);
    }
    return sum / (data.length / 4);
  }, png.toString("base64"));
}

const shots: { name: string; options: BrowserContextOptions; print?: boolean; light: boolean }[] = [
  { name: "article-light-1280", options: { viewport: { width: 1280, height: 800 } }, light: true },
  {
    name: "article-dark-1280",
    options: { viewport: { width: 1280, height: 800 }, colorScheme: "dark" },
    light: false,
  },
  { name: "article-narrow-375", options: { viewport: { width: 375, height: 800 } }, light: true },
  {
    name: "article-narrow-dark-375",
    options: { viewport: { width: 375, height: 800 }, colorScheme: "dark" },
    light: false,
  },
  {
    name: "article-print",
    options: { viewport: { width: 794, height: 1123 }, colorScheme: "dark" },
    print: true,
    light: true,
  },
];

test.each(shots)(
  "writes the article page's $name screenshot, and it is as light or dark as it should be",
  async ({ name, options, print, light }) => {
    const context = await site.browser.newContext({ reducedMotion: "reduce", ...options });
    try {
      const page = await context.newPage();
      if (print) await page.emulateMedia({ media: "print" });
      await page.goto(`${site.origin}${ARTICLE_PATH}`);
      const png = await page.screenshot({
        path: new URL(`${name}.png`, folder).pathname,
        fullPage: true,
      });
      expect(png.readUInt32BE(16), "width").toBe(options.viewport!.width);
      // Decoded in a blank page: the site's CSP (img-src 'self') rightly refuses data: images.
      const lightness = await meanLuminance(await context.newPage(), png);
      if (light) expect(lightness).toBeGreaterThan(0.8);
      else expect(lightness).toBeLessThan(0.1);
      if (print) {
        // Paper as Chromium lays it out, A4, for a person to page through.
        await page.pdf({ path: new URL(`${name}.pdf`, folder).pathname, format: "A4" });
      }
    } finally {
      await context.close();
    }
  },
);

const browsingShots = [
  { name: "topic-light-1280", path: "/topics/syrian-war/", width: 1280, light: true },
  { name: "topic-dark-375", path: "/topics/syrian-war/", width: 375, light: false },
  { name: "person-light-375", path: "/people/robert-hutton/", width: 375, light: true },
  { name: "month-archive-light-1280", path: "/archive/2015/11/", width: 1280, light: true },
  { name: "archive-index-dark-1280", path: "/archive/", width: 1280, light: false },
  { name: "topics-index-light-375", path: "/topics/", width: 375, light: true },
  { name: "people-index-dark-375", path: "/people/", width: 375, light: false },
  { name: "front-light-1280", path: "/", width: 1280, light: true },
  { name: "front-dark-375", path: "/", width: 375, light: false },
];

test.each(browsingShots)(
  "writes the browsing page's $name screenshot, and it is as light or dark as it should be",
  async ({ name, path, width, light }) => {
    const context = await site.browser.newContext({
      reducedMotion: "reduce",
      viewport: { width, height: 800 },
      colorScheme: light ? "light" : "dark",
    });
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}${path}`);
      const png = await page.screenshot({
        path: new URL(`${name}.png`, folder).pathname,
        fullPage: true,
      });
      expect(png.readUInt32BE(16), "width").toBe(width);
      const lightness = await meanLuminance(await context.newPage(), png);
      if (light) expect(lightness).toBeGreaterThan(0.8);
      else expect(lightness).toBeLessThan(0.1);
    } finally {
      await context.close();
    }
  },
);

test.each([
  { name: "search-light-1280", width: 1280, colorScheme: "light" as const },
  { name: "search-dark-1280", width: 1280, colorScheme: "dark" as const },
  { name: "search-light-375", width: 375, colorScheme: "light" as const },
  { name: "search-dark-375", width: 375, colorScheme: "dark" as const },
])(
  "writes the search page's $name screenshot, with results",
  async ({ name, width, colorScheme }) => {
    const context = await site.browser.newContext({
      reducedMotion: "reduce",
      viewport: { width, height: 800 },
      colorScheme,
    });
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}/search/?q=${encodeURIComponent("Assad future")}`);
      await page.getByRole("status").filter({ hasText: "Assad future" }).waitFor();
      const png = await page.screenshot({
        path: new URL(`${name}.png`, folder).pathname,
        fullPage: true,
      });
      const lightness = await meanLuminance(await context.newPage(), png);
      if (colorScheme === "light") expect(lightness).toBeGreaterThan(0.8);
      else expect(lightness).toBeLessThan(0.1);
    } finally {
      await context.close();
    }
  },
);
