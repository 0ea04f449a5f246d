import { describe, expect, test } from "vitest";
import { ordinalFigures, ordinalNames, splitUpdateNote } from "../../src/lib/update-note";

describe("ordinalFigures", () => {
  test.each([
    [1, "1st"],
    [2, "2nd"],
    [3, "3rd"],
    [4, "4th"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [21, "21st"],
    [22, "22nd"],
    [103, "103rd"],
    [111, "111th"],
  ])("writes %i as %s", (position, figures) => {
    expect(ordinalFigures(position)).toBe(figures);
  });
});

describe("ordinalNames", () => {
  test("names a paragraph up to the twentieth in words and in figures", () => {
    expect(ordinalNames(3)).toEqual(["third", "3rd"]);
    expect(ordinalNames(20)).toEqual(["twentieth", "20th"]);
  });

  test("names a later paragraph in figures only", () => {
    expect(ordinalNames(21)).toEqual(["21st"]);
  });
});

describe("splitUpdateNote", () => {
  test("cuts a note around the words that name its paragraph", () => {
    expect(splitUpdateNote("(Updates with Putin comment in third paragraph.)", 3)).toEqual({
      before: "(Updates with Putin comment in ",
      phrase: "third paragraph",
      after: ".)",
    });
  });

  test("finds the paragraph in figures and in any case", () => {
    expect(splitUpdateNote("(Adds quote in 12th paragraph.)", 12)?.phrase).toBe("12th paragraph");
    expect(splitUpdateNote("Third paragraph corrected.", 3)?.phrase).toBe("Third paragraph");
  });

  test("finds nothing when the note names another paragraph, or none", () => {
    expect(splitUpdateNote("(Updates with Putin comment in third paragraph.)", 4)).toBeUndefined();
    expect(splitUpdateNote("(Adds comment in thirteenth paragraph.)", 3)).toBeUndefined();
    expect(splitUpdateNote("(Adds comment in 23rd paragraph.)", 3)).toBeUndefined();
    expect(splitUpdateNote("(Updates with closing prices.)", 1)).toBeUndefined();
  });
});
