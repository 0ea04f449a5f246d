import { describe, expect, test } from "vitest";
import {
  countWords,
  formatReadingTime,
  readingMinutes,
  WORDS_PER_MINUTE,
} from "../../src/lib/reading-time";

describe("countWords", () => {
  test("counts words, not punctuation or dashes between spaces", () => {
    expect(countWords("“We offered cooperation,” Putin said — and left.")).toBe(7);
  });

  test("counts a contraction, a hyphenated word's parts and a number as words", () => {
    expect(countWords("Obama didn’t have a Syrian-led plan by Jan. 1")).toBe(10);
  });

  test("counts words of a script written without spaces", () => {
    expect(countWords("東京で会議が開かれた", "ja")).toBeGreaterThan(1);
  });

  test("counts nothing in an empty text", () => {
    expect(countWords("  — … ")).toBe(0);
  });
});

describe("readingMinutes", () => {
  test("rounds up to whole minutes at the average reading speed", () => {
    expect(readingMinutes(WORDS_PER_MINUTE)).toBe(1);
    expect(readingMinutes(WORDS_PER_MINUTE + 1)).toBe(2);
    expect(readingMinutes(748)).toBe(4);
  });

  test("never says less than a minute", () => {
    expect(readingMinutes(0)).toBe(1);
  });

  test("takes another reading speed", () => {
    expect(readingMinutes(600, 200)).toBe(3);
  });
});

test("formatReadingTime writes the minutes as readers see them", () => {
  expect(formatReadingTime(4)).toBe("4 min read");
});
