import { describe, expect, test } from "vitest";
import { isPageId, PAGE_IDS, paragraphId } from "../../src/lib/page-ids";

describe("page ids", () => {
  test("numbers paragraphs from p-1", () => {
    expect(paragraphId(1)).toBe("p-1");
    expect(paragraphId(12)).toBe("p-12");
  });

  test("counts the layout's own ids and every paragraph id as taken", () => {
    for (const id of [PAGE_IDS.main, PAGE_IDS.tocHeading, PAGE_IDS.relatedHeading, "p-1", "p-40"]) {
      expect(isPageId(id), id).toBe(true);
    }
  });

  test("leaves ids that only look alike to the content", () => {
    for (const id of ["p", "p-", "p-0", "p-03", "p-1a", "main-points", "assads-future"]) {
      expect(isPageId(id), id).toBe(false);
    }
  });
});
