import { rm } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildSite, type BuildResult } from "../support/build";
import { useBrowserSite } from "../support/browser";

const articlePath = "/articles/2024-03-03/headings-named-like-the-pages-globals/";

/** Names the page's own script, and any script, relies on. */
const windowNames = [
  "addEventListener",
  "__proto__",
  "navigator",
  "document",
  "location",
  "constructor",
  "toString",
  "setTimeout",
  "fetch",
];
const documentNames = [
  "getElementById",
  "querySelectorAll",
  "querySelector",
  "cookie",
  "body",
  "createElement",
  "defaultView",
  "location",
];

let build: BuildResult;
const site = useBrowserSite(async () => {
  build = await buildSite({ CONTENT_DIR: "tests/fixtures/articles/clobbering" });
  if (build.exitCode !== 0) throw new Error(build.output);
  return build.outDir;
});
let page: Page;
beforeAll(async () => {
  page = await site.browser.newPage();
  await page.goto(`${site.origin}${articlePath}`);
});
afterAll(async () => {
  await page.close();
  await rm(build.workDir, { recursive: true, force: true });
});

describe("an article whose headings and pasted markup are named like the page's globals", () => {
  test("takes over none of window's or document's properties in a browser", async () => {
    const clobbered = await page.evaluate(
      ({ windowNames, documentNames }) => {
        // An element of the article (or a collection of them) where the API should be.
        const body = document.querySelector(".article-body")!;
        const isMarkup = (value: unknown) =>
          (value instanceof Element && body.contains(value)) ||
          (value instanceof HTMLCollection && [...value].some((element) => body.contains(element)));
        const globals = window as unknown as Record<string, unknown>;
        const documentProperties = document as unknown as Record<string, unknown>;
        return [
          ...windowNames.filter((name) => isMarkup(globals[name])).map((name) => `window.${name}`),
          ...documentNames
            .filter((name) => isMarkup(documentProperties[name]))
            .map((name) => `document.${name}`),
          ...(Object.getPrototypeOf(window) === Window.prototype ? [] : ["window's prototype"]),
        ];
      },
      { windowNames, documentNames },
    );
    expect(clobbered).toEqual([]);
  });

  test("still gives each section a working link, and the page's script still runs", async () => {
    const ids = await page.$$eval(".article-body h2", (headings) => headings.map((h) => h.id));
    expect(ids).toEqual([
      "addeventlistener",
      "proto",
      "navigator",
      "document",
      "getelementbyid",
      "queryselectorall",
      "cookie",
      "location",
      "main-1",
      "toc-heading-1",
    ]);
    // The copy-link enhancement found its section links through document and navigator.
    expect(await page.getByRole("button", { name: /^Copy link to section:/ }).count()).toBe(
      ids.length,
    );
    await page.goto(`${site.origin}${articlePath}#navigator`);
    expect(await page.evaluate(() => document.querySelector(":target")?.tagName)).toBe("H2");
  });
});
