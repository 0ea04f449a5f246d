import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { sep } from "node:path";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { CHROMIUM_FLAGS, findChromium } from "../../src/cli/install-chromium";
import { serveStatic, type StaticServer } from "../../src/cli/serve-static";
import { htmlPages } from "./html";

/** Starts the Chromium that `npm test` made sure of (`src/cli/install-chromium.ts`). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      "No Chromium for the browser tests: run them with `npm test`, which installs one, " +
        "or first run `node src/cli/install-chromium.ts`.",
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
}

/** The article page every reading test opens. */
export const ARTICLE_PATH =
  "/articles/2015-11-15/putin-goes-from-g-20-pariah-to-player-at-obama-turkey-talk/";

/** The URL path of every page of a built site: `/`, `/articles/…/`, `/404.html`. */
export async function sitePages(distDir: string): Promise<string[]> {
  return (await htmlPages(distDir))
    .map((file) => `/${file.split(sep).join("/")}`)
    .map((path) => path.replace(/(^|\/)index\.html$/, "$1"))
    .sort();
}

const axeSource = await readFile(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/** One rule axe-core found broken, with the elements that break it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** The rule sets checked: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * Runs axe-core in the page. Its source is evaluated rather than added as a
 * <script>, so a Content Security Policy on the page cannot block it.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as {
      axe: { run: (context: Document, options: object) => Promise<AxeResults> };
    };
    interface AxeResults {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[];
    }
    // Only violations are read: axe still runs every rule, but skips
    // gathering the details of every element that passes.
    const results = await axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return results.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      targets: nodes.map((node) => node.target.join(" ")),
    }));
  }, AXE_TAGS);
}

/** The browser and the served site that a browser test file shares. */
export interface BrowserSite {
  browser: Browser;
  /** The served site's origin: `http://127.0.0.1:<port>`. */
  origin: string;
  /** The site's own URL: the origin and its base path. */
  url: string;
}

/**
 * Serves a built site on 127.0.0.1 and starts Chromium for the test file
 * that calls it, and stops both after it. The site is the shared build
 * (`inject("distDir")`) unless `root` makes another, served at the root
 * unless `base` says where it is deployed.
 */
export function useBrowserSite(
  root: () => string | Promise<string> = () => inject("distDir"),
  { base = "/" }: { base?: string } = {},
): BrowserSite {
  const site = {} as BrowserSite;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic(await root(), { base });
    site.origin = server.origin;
    site.url = server.url;
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    await server?.close();
  });
  return site;
}

/** Lends a tab opened with `options` to `use`, and takes it back for the next test that asks. */
export type BorrowTab = <T>(
  options: BrowserContextOptions,
  use: (page: Page) => Promise<T>,
) => Promise<T>;

/**
 * Tabs lent out by the options they were opened with, for tests that load
 * many pages alike. A tab keeps its renderer process from one page of the
 * site to the next, so what a test runs in every page (axe-core's 550 kB)
 * is compiled once a tab rather than once a page: axe on 22 pages took 8.8 s
 * in one tab, 31.6 s in a fresh context each. A test whose `use` changes
 * more than the page it loads (moves the mouse, for one) opens its own
 * context instead. A tab whose `use` failed is not lent again; the browser
 * closes it.
 */
export function tabPool(site: BrowserSite): BorrowTab {
  const idle = new Map<string, Page[]>();
  return async (options, use) => {
    const key = JSON.stringify(options);
    const tabs = idle.get(key) ?? [];
    idle.set(key, tabs);
    const page = tabs.pop() ?? (await (await site.browser.newContext(options)).newPage());
    const result = await use(page);
    tabs.push(page);
    return result;
  };
}

/** Where an element sits in the viewport, and whether anything covers its middle. */
export interface ViewportPlace {
  top: number;
  bottom: number;
  viewportHeight: number;
  /** Whether the element itself is what shows at its centre. */
  uncovered: boolean;
  /** Whether the page is scrolled as far down as it goes. */
  atBottom: boolean;
}

/** Where the element matching `selector` is in the viewport. */
export function viewportPlace(page: Page, selector: string): Promise<ViewportPlace> {
  return page.$eval(selector, (element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const scroller = document.scrollingElement ?? document.documentElement;
    return {
      top: box.top,
      bottom: box.bottom,
      viewportHeight: innerHeight,
      uncovered: hit !== null && element.contains(hit),
      atBottom: scrollY + innerHeight >= scroller.scrollHeight - 1,
    };
  });
}

/** Whether an element is at the top of the viewport (or as near as the page's end lets it), and uncovered. */
export function isAtTop({
  top,
  bottom,
  viewportHeight,
  uncovered,
  atBottom,
}: ViewportPlace): boolean {
  const nearTop = top >= 0 && top <= viewportHeight * 0.2;
  const shownAtEnd = atBottom && top >= 0 && bottom <= viewportHeight;
  return uncovered && (nearTop || shownAtEnd);
}

/** The relative luminance of a CSS `rgb()` colour, as WCAG defines it (0 black, 1 white). */
export function luminance(color: string): number {
  const channels = color
    .match(/[\d.]+/g)
    ?.slice(0, 3)
    .map(Number);
  if (channels?.length !== 3) throw new Error(`Not an rgb() colour: ${color}`);
  const [r, g, b] = channels.map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The page's cumulative layout shift so far, as Chromium measures it for
 * Core Web Vitals: every `layout-shift` entry not caused by input, summed.
 */
export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
        // Two frames and a pause: time for anything late to move the text.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => setTimeout(() => resolve(total), 300)),
        );
      }),
  );
}
