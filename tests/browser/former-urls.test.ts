import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, test } from "vitest";
import { useBrowserSite, runAxe } from "../support/browser";
import { subpathSite } from "../support/global-build";
import { newerArticles } from "../support/publishing-fixture";

// The /reader/ build, served under /reader/ with its _headers: the "authored"
// fixture article lists a former slug, and an old link to it must still land.
const { authored } = newerArticles;
const site = useBrowserSite(() => inject("subpathDistDir"), { base: subpathSite.BASE_PATH });

/** A page in a new context that records the console's errors (CSP violations among them) in every document it opens. */
async function openContext(
  options: { javaScriptEnabled?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return { context, page, problems };
}

/** Opens a URL and waits until the article's page has loaded. */
async function land(page: Page, path: string): Promise<void> {
  await page.goto(`${site.url}${path}`);
  await page.waitForURL(new RegExp(`${authored.path}(#.*)?$`), { waitUntil: "load" });
}

describe("an article's former URL in Chromium", () => {
  test("lands on the article", async () => {
    const { context, page, problems } = await openContext();
    try {
      await land(page, authored.formerPath);
      expect(page.url()).toBe(`${site.url}${authored.path}`);
      expect(await page.locator("h1").innerText()).toBe(authored.headline);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("keeps the old link's #fragment, through a script the CSP allows", async () => {
    const { context, page, problems } = await openContext();
    try {
      await land(page, `${authored.formerPath}#what-changed`);
      expect(page.url()).toBe(`${site.url}${authored.path}#what-changed`);
      expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe("what-changed");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("lands on the article without JavaScript too, by the refresh", async () => {
    const { context, page } = await openContext({ javaScriptEnabled: false });
    try {
      await land(page, authored.formerPath);
      expect(page.url()).toBe(`${site.url}${authored.path}`);
    } finally {
      await context.close();
    }
  });

  test.each(
    (["light", "dark"] as const).flatMap((scheme) =>
      [375, 1280].map((width) => ({ scheme, width })),
    ),
  )(
    "has no WCAG 2.2 A/AA or best-practice violation in the $scheme scheme at $width px, held where it is",
    async ({ scheme, width }) => {
      // Held where it is: with the refresh and the script taken out of the
      // response, the page stays to be checked (axe's own meta-refresh rule
      // passes a refresh of 0 seconds). Axe needs JavaScript on.
      const context = await site.browser.newContext({
        colorScheme: scheme,
        viewport: { width, height: 800 },
      });
      try {
        const page = await context.newPage();
        await page.route(`**${subpathSite.BASE_PATH}${authored.formerPath}`, async (route) => {
          const response = await route.fetch();
          const html = await response.text();
          const held = html
            .replace(/<meta http-equiv="refresh"[^>]*>/, "")
            .replace(/<script type="module">[^<]*<\/script>/, "");
          expect(held).not.toBe(html);
          await route.fulfill({ response, body: held });
        });
        await page.goto(`${site.url}${authored.formerPath}`, { waitUntil: "load" });
        expect(new URL(page.url()).pathname).toBe(`${subpathSite.BASE_PATH}${authored.formerPath}`);
        expect(await page.getByRole("link", { name: authored.headline }).count()).toBe(1);
        expect(await runAxe(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
