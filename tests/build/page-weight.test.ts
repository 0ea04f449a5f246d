import { expect, inject, test } from "vitest";
import { htmlPages, loadPage } from "../support/html";
import { newerArticles } from "../support/publishing-fixture";
import { ONE_ROUND_TRIP_BYTES, weighPage } from "../support/page-weight";

test("every built page, with everything it needs to render, fits in one round trip", async () => {
  const distDir = inject("distDir");
  const pages = await htmlPages(distDir);
  expect(pages.length).toBeGreaterThanOrEqual(3);
  const weights = await Promise.all(pages.map((page) => weighPage(distDir, page)));
  console.table(
    Object.fromEntries(
      weights.map((w) => [
        w.page,
        { "html gzip": w.htmlBytes, "total gzip": w.totalBytes, files: 1 + w.resources.length },
      ]),
    ),
  );
  for (const weight of weights) {
    expect(
      weight.totalBytes,
      `${weight.page}: ${weight.totalBytes} bytes gzip`,
    ).toBeLessThanOrEqual(ONE_ROUND_TRIP_BYTES);
  }
});

test("the article page, with the links to browse and search, stays under 7,000 bytes gzip", async () => {
  const distDir = inject("distDir");
  const [article] = (await htmlPages(distDir)).filter((page) => page.startsWith("articles/"));
  const weight = await weighPage(distDir, article!);
  console.log(`${weight.page}: ${weight.htmlBytes} bytes gzip, ${weight.totalBytes} with favicon`);
  expect(weight.totalBytes).toBeLessThan(7_000);
});

test("an article with a lead picture and two figures stays under 7,000 bytes gzip too", async () => {
  const distDir = inject("subpathDistDir");
  const page = `${newerArticles.authored.path}index.html`;
  const $ = await loadPage(distDir, page);
  expect($("figure img")).toHaveLength(3);
  // Its HTML: the pictures come after it, the lead first (tests/browser/pictures.test.ts).
  const { htmlBytes } = await weighPage(distDir, page, "/reader/");
  console.log(`${page}: ${htmlBytes} bytes gzip`);
  expect(htmlBytes).toBeLessThan(7_000);
});
