import { describe, expect, inject, test } from "vitest";
import { ARTICLE_PATH, layoutShift, sitePages, useBrowserSite } from "../support/browser";

const site = useBrowserSite();

describe.each([375, 1280])("layout shift at %i px", (width) => {
  test("is zero on every page, and on a deep link into the article", async () => {
    const context = await site.browser.newContext({ viewport: { width, height: 800 } });
    try {
      const page = await context.newPage();
      const paths = [...(await sitePages(inject("distDir"))), `${ARTICLE_PATH}#assads-future`];
      for (const path of paths) {
        await page.goto(`${site.origin}${path}`, { waitUntil: "load" });
        expect(await layoutShift(page), path).toBe(0);
      }
    } finally {
      await context.close();
    }
  });

  test("is measured: a late-loading block that pushes the text down counts", async () => {
    const context = await site.browser.newContext({ viewport: { width, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${site.origin}${ARTICLE_PATH}`, { waitUntil: "load" });
      await page.evaluate(
        () =>
          new Promise<void>((done) =>
            setTimeout(() => {
              const block = document.createElement("div");
              block.style.height = "200px";
              document.querySelector("main")!.prepend(block);
              done();
            }, 100),
          ),
      );
      expect(await layoutShift(page)).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
