import { describe, expect, test } from "vitest";
import { correctionId, isPageId, PAGE_IDS, paragraphId } from "../../src/lib/page-ids";

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

describe("correction ids", () => {
  test("names a correction by its day, and a day's second, third… by their number", () => {
    expect(correctionId("2016-03-02")).toBe("correction-2016-03-02");
    expect(correctionId("2016-03-02", 2)).toBe("correction-2016-03-02-2");
    expect(correctionId("2016-03-02", 12)).toBe("correction-2016-03-02-12");
  });

  test("counts the record's heading and every correction id as taken", () => {
    for (const id of [
      PAGE_IDS.corrections,
      correctionId("2016-03-02"),
      correctionId("2016-03-02", 2),
      correctionId("2016-03-02", 10),
    ]) {
      expect(isPageId(id), id).toBe(true);
    }
  });

  test("leaves free the ids a heading that looks alike falls back to", () => {
    // A heading "Correction 2016-03-02" must have somewhere to go: rehype-heading-ids tries -1 first.
    for (const id of [
      "corrections-1",
      "correction",
      "correction-2016-03-02-1",
      "correction-march",
    ]) {
      expect(isPageId(id), id).toBe(false);
    }
  });
});
