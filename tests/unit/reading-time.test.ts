import fc from "fast-check";
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

  test("counts English text of ASCII, quotes and dashes as Intl.Segmenter does", () => {
    const segmenter = new Intl.Segmenter("en", { granularity: "word" });
    const segmenterCount = (text: string) =>
      [...segmenter.segment(text)].filter((segment) => segment.isWordLike).length;
    // Every ASCII character, and those the fast count knows beyond it, with
    // the ones that decide where a word ends drawn more often.
    const ascii = [...Array(128).keys()].map((code) => String.fromCharCode(code));
    const character = fc.oneof(
      fc.constantFrom(
        ...ascii,
        "\u2018",
        "\u2019",
        "\u201c",
        "\u201d",
        "\u2013",
        "\u2014",
        "\u2026",
        "\u00a0",
      ),
      fc.constantFrom("a", "Z", "7", "_", ".", "'", ":", ",", ";", "\u2019", " "),
    );
    fc.assert(
      fc.property(fc.array(character, { maxLength: 24 }), (characters) => {
        const text = characters.join("");
        expect(countWords(text)).toBe(segmenterCount(text));
      }),
      { numRuns: 20_000 },
    );
    for (const text of [
      "U.S.-led",
      "1,200.5",
      "e.g. a:b 3:30",
      "__ _ a_b",
      "don’t ’tis",
      "x…y—z",
    ]) {
      expect(countWords(text)).toBe(segmenterCount(text));
    }
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
