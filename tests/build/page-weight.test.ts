import { expect, inject, test } from "vitest";
import { htmlPages } from "../support/html";
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
