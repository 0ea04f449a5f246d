import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, inject, test } from "vitest";
import { isAtTop, useBrowserSite, runAxe, viewportPlace } from "../support/browser";
import { subpathSite } from "../support/global-build";
import { fixtureCorrections, newerArticles } from "../support/publishing-fixture";

/*
 * The root build has no correction (the G-20 article has none): the
 * record and a filled corrections page are in the /reader/ build, served
 * here under /reader/ as it is deployed.
 */
const site = useBrowserSite(() => inject("subpathDistDir"), { base: subpathSite.BASE_PATH });
let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function open(
  path: string,
  { colorScheme = "light", width = 1280 }: { colorScheme?: "light" | "dark"; width?: number } = {},
): Promise<Page> {
  context = await site.browser.newContext({
    colorScheme,
    viewport: { width, height: 800 },
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  await page.goto(`${site.url}${path}`, { waitUntil: "load" });
  return page;
}

const corrected = newerArticles.escaping.path;
const [newest] = fixtureCorrections;

describe.each([
  ["a corrected article, at a correction", `${corrected}#${newest.id}`],
  ["the corrections page", "corrections/"],
])("axe-core on %s", (_name, path) => {
  test.each(
    (["light", "dark"] as const).flatMap((colorScheme) =>
      [375, 1280].map((width) => ({ colorScheme, width })),
    ),
  )("finds no violation in the $colorScheme scheme at $width px", async (settings) => {
    const page = await open(path, settings);
    expect(await runAxe(page)).toEqual([]);
  });
});

describe("following the links to a correction", () => {
  test("the corrections page's headline lands on the entry, in view and marked", async () => {
    const page = await open("corrections/");
    await page.locator(".correction-list a").first().click();
    await page.waitForURL(`**#${newest.id}`);
    expect(isAtTop(await viewportPlace(page, `#${newest.id}`))).toBe(true);
    const marked = await page.evaluate(
      (id) => getComputedStyle(document.getElementById(id)!).backgroundColor,
      newest.id,
    );
    expect(marked).not.toBe("rgba(0, 0, 0, 0)");
  });

  test("“Corrected” beside the dates lands on the record", async () => {
    const page = await open(corrected, { width: 375 });
    await page.locator(".article-dates a[href='#corrections']").click();
    await page.waitForURL("**#corrections");
    expect(isAtTop(await viewportPlace(page, "#corrections"))).toBe(true);
  });
});
