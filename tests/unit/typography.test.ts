import { describe, expect, test } from "vitest";
import { keepShortHyphenatedWords } from "../../src/lib/typography";

describe("keepShortHyphenatedWords", () => {
  test("keeps G-20 in one piece and leaves the rest of the headline free to wrap", () => {
    expect(
      keepShortHyphenatedWords("Putin Goes From G-20 Pariah to Player at Obama Turkey Talk"),
    ).toEqual([
      { text: "Putin Goes From ", nowrap: false },
      { text: "G-20", nowrap: true },
      { text: " Pariah to Player at Obama Turkey Talk", nowrap: false },
    ]);
  });

  test("keeps each short hyphenated word, at the start and the end too", () => {
    expect(keepShortHyphenatedWords("F-35 jets and COVID-19")).toEqual([
      { text: "F-35", nowrap: true },
      { text: " jets and ", nowrap: false },
      { text: "COVID-19", nowrap: true },
    ]);
  });

  test("lets a long compound break, so a narrow screen never scrolls sideways", () => {
    expect(keepShortHyphenatedWords("A Syrian-led-and-owned transition")).toEqual([
      { text: "A Syrian-led-and-owned transition", nowrap: false },
    ]);
  });

  test("leaves text without hyphenated words as one run, and dashes between words alone", () => {
    expect(keepShortHyphenatedWords("Talks go on - and on")).toEqual([
      { text: "Talks go on - and on", nowrap: false },
    ]);
    expect(keepShortHyphenatedWords("")).toEqual([]);
  });
});
