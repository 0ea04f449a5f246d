import { describe, expect, test } from "vitest";
import { buildTableOfContents } from "../../src/lib/toc";

const heading = (depth: number, slug: string) => ({ depth, slug, text: slug });

describe("buildTableOfContents", () => {
  test("lists the article's sections in order", () => {
    const toc = buildTableOfContents([
      heading(2, "russian-military"),
      heading(2, "assads-future"),
      heading(2, "higher-stakes"),
    ]);
    expect(toc.map((entry) => entry.slug)).toEqual([
      "russian-military",
      "assads-future",
      "higher-stakes",
    ]);
  });

  test("nests lower-level headings in children array h2 => h3", () => {
    const toc = buildTableOfContents([
      heading(2, "a"),
      heading(3, "a1"),
      heading(3, "a2"),
      heading(2, "b"),
    ]);
    expect(toc).toEqual([
      {
        ...heading(2, "a"),
        children: [
          { ...heading(3, "a1"), children: [] },
          { ...heading(3, "a2"), children: [] },
        ],
      },
      { ...heading(2, "b"), children: [] },
    ]);
  });

  test("leaves out the h1 and headings deeper than maxDepth", () => {
    const toc = buildTableOfContents([heading(1, "title"), heading(2, "a"), heading(4, "deep")]);
    expect(toc).toEqual([{ ...heading(2, "a"), children: [] }]);
  });

  test("keeps an h3 that comes before any h2 at the top level", () => {
    const toc = buildTableOfContents([heading(3, "early"), heading(2, "a")]);
    expect(toc.map((entry) => entry.slug)).toEqual(["early", "a"]);
  });

  test("honours custom depths", () => {
    const toc = buildTableOfContents([heading(2, "a"), heading(3, "b")], { maxDepth: 2 });
    expect(toc).toEqual([{ ...heading(2, "a"), children: [] }]);
  });

  test("is empty for an article without sections", () => {
    expect(buildTableOfContents([])).toEqual([]);
  });
});
