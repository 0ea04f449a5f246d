import { readFile } from "node:fs/promises";
import { describe, expect, inject, test } from "vitest";
import { htmlFiles } from "../../src/publishing/html-files";
import { inlineCodeOf, quickInlineCodeOf } from "../../src/publishing/inline-code";

// The CSP narrowing reads each page's inline code without a parser when it
// can (src/publishing/page-policy.ts): on the pages the site really makes,
// that reading must be sure of itself and find exactly what the parser finds.
describe("the quick reading of inline code", () => {
  test.each(["distDir", "subpathDistDir"] as const)(
    "finds what the parser finds on every page of the %s build",
    async (build) => {
      const pages = await htmlFiles(inject(build));
      expect(pages.length).toBeGreaterThan(10);
      for (const page of pages) {
        const html = await readFile(page, "utf8");
        expect(quickInlineCodeOf(html), page).toEqual(inlineCodeOf(html));
      }
    },
  );
});
