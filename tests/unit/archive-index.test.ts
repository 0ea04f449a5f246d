import { describe, expect, test } from "vitest";
import { articleIdOf, parseArchiveIndex } from "../../src/lib/archive-index";

describe("parseArchiveIndex", () => {
  test("reads files with and without their frontmatter", () => {
    const index = [
      { path: "2015/putin.md", digest: "5d41402a", frontmatter: { headline: "Putin" } },
      { path: "broken.md", digest: "7d793037" },
    ];
    expect(parseArchiveIndex(JSON.stringify(index))).toEqual(index);
  });

  test.each([
    ['{"path":"a.md","digest":"d"}', "not a list"],
    ['[{"digest":"d"}]', "no path"],
    ['[{"path":"a.md"}]', "no digest"],
    ['[{"path":"a.md","digest":"d","frontmatter":"headline: A"}]', "frontmatter as text"],
    ["[null]", "no file"],
  ])("refuses %s (%s)", (json) => {
    expect(() => parseArchiveIndex(json)).toThrow(/archive index: must list article files/);
  });
});

describe("articleIdOf", () => {
  test("is the path without its .md", () => {
    expect(articleIdOf("2015/11/putin-obama.md")).toBe("2015/11/putin-obama");
    expect(articleIdOf("Notes.MD")).toBe("Notes");
    expect(articleIdOf("draft.md.txt")).toBe("draft.md.txt");
  });
});
