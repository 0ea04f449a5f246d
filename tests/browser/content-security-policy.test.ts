import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { useBrowserSite } from "../support/browser";
import { subpathSite } from "../support/global-build";
import { g20Path, newerArticles } from "../support/publishing-fixture";

// The /reader/ build, served under /reader/ with its _headers: the CSP reaches
// Chromium twice, as a header and in each page's <meta>, and both must let
// the page's own styles and scripts run.
const site = useBrowserSite(() => inject("subpathDistDir"), { base: subpathSite.BASE_PATH });
let context: BrowserContext;
beforeAll(async () => {
  context = await site.browser.newContext();
  // Runs before the page's own code, and is not subject to its CSP.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}`);
    });
  });
});
afterAll(async () => {
  await context?.close();
});

/** Opens a page and gives back the CSP violations it reported once loaded. */
async function open(path: string): Promise<{ page: Page; violations: string[]; csp: string }> {
  const page = await context.newPage();
  const response = await page.goto(`${site.url}${path}`, { waitUntil: "load" });
  const violations = await page.evaluate(
    () => (window as unknown as { cspViolations: string[] }).cspViolations,
  );
  return { page, violations, csp: (await response?.headerValue("content-security-policy")) ?? "" };
}

describe("the Content-Security-Policy in Chromium", () => {
  test.each([
    ["the front page", ""],
    ["the G-20 article", g20Path],
    ["an article with code, an image and named authors", newerArticles.authored.path],
    ["an article with a Cyrillic URL", newerArticles.cyrillic.path],
    ["an article with a corrections record", newerArticles.escaping.path],
    ["the corrections page", "corrections/"],
    ["the archive's index", "archive/"],
    ["the archive's page of a month", "archive/2014/02/"],
    ["the archive's page of a day", "archive/2015/11/15/"],
    ["the index of topics", "topics/"],
    ["a topic's page, which links its feed", "topics/syrian-war/"],
    ["a person's page", "people/henry-meyer/"],
    ["the 404 page, at an unknown address", "no/such/page/"],
  ])("blocks nothing on %s", async (_name, path) => {
    const { page, violations, csp } = await open(path);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(violations).toEqual([]);
    // The inlined stylesheet applied: the page is not in the browser's default serif.
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(font).not.toBe("serif");
    expect(font).not.toBe("");
    await page.close();
  });

  test("lets the article's own script run: it adds the copy-link buttons", async () => {
    const { page, violations } = await open(g20Path);
    expect(violations).toEqual([]);
    expect(await page.locator(".copy-link").count()).toBeGreaterThan(0);
    await page.close();
  });

  test("blocks an inline script that is not the site's own", async () => {
    const { page } = await open(g20Path);
    await page.addScriptTag({ content: "window.injected = true;" }).catch(() => undefined); // Playwright reports the blocked tag as an error.
    expect(await page.evaluate(() => "injected" in window)).toBe(false);
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    expect(violations).toContain("script-src-elem blocked inline");
    await page.close();
  });
});
