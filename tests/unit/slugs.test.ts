import { describe, expect, test } from "vitest";
import { FALLBACK_HEADING_ID, sectionIdPattern, slugifyHeading } from "../../src/lib/slugs";

describe("slugifyHeading", () => {
  test.each([
    ["Assad’s Future", "assads-future"],
    ["Russian Military", "russian-military"],
    ["Q&A: What Now?", "qa-what-now"],
    ["Россия и Сирия", "россия-и-сирия"],
    ["Η Ελλάδα και η Ευρώπη", "η-ελλάδα-και-η-ευρώπη"],
    ["普京与奥巴马会谈", "普京与奥巴马会谈"],
    ["日本語のテキスト、句読点。", "日本語のテキスト句読点"],
    ["2015", "2015"],
    ["__proto__", "proto"],
    [" -Edges- ", "edges"],
  ])("makes %s into %s", (text, id) => {
    expect(slugifyHeading(text)).toBe(id);
  });

  test("makes the same id of a heading typed with a combining accent as of its composed form", () => {
    expect(slugifyHeading("Cafe\u0301 Society")).toBe(slugifyHeading("Caf\u00e9 Society"));
  });

  test.each(["***", "—", "🇺🇸 🇷🇺", "   ", "?!"])(
    "falls back for %j, which has no letter or digit",
    (text) => {
      expect(slugifyHeading(text)).toBe(FALLBACK_HEADING_ID);
    },
  );
});

describe("sectionIdPattern", () => {
  test("takes ids of letters and digits of any script, with hyphens and underscores", () => {
    for (const id of ["assads-future", "россия", "section_2", "2015", "普京"]) {
      expect(sectionIdPattern.test(id)).toBe(true);
    }
  });

  test("refuses spaces, punctuation, a leading hyphen and the empty id", () => {
    for (const id of ["assads future", "a–b", "-x", "_x", "", "x#y", "a.b"]) {
      expect(sectionIdPattern.test(id)).toBe(false);
    }
  });
});
