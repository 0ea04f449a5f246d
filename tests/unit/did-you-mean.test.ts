import { describe, expect, test } from "vitest";
import { closestName, editDistance } from "../../src/content/checks/did-you-mean";

const fields = ["headline", "bullets", "byline", "published", "updated", "timezone", "updateNote"];

describe("closestName", () => {
  test.each([
    ["hedline", "headline"],
    ["headlines", "headline"],
    ["Headline", "headline"],
    ["publshed", "published"],
    ["pubilshed", "published"],
    ["update_note", "updateNote"],
    ["update-note", "updateNote"],
    ["time_zone", "timezone"],
    ["bulets", "bullets"],
  ])("takes %s for %s", (typed, meant) => {
    expect(closestName(typed, fields)).toBe(meant);
  });

  test.each(["tags", "category", "x", "summary"])(
    "suggests nothing for %s, which is no near miss",
    (typed) => {
      expect(closestName(typed, fields)).toBeUndefined();
    },
  );

  test("prefers the nearest of two candidates", () => {
    expect(closestName("author", ["authors", "anchor"])).toBe("authors");
  });
});

describe("editDistance", () => {
  test("counts insertions, deletions, substitutions and swaps of neighbours as one edit each", () => {
    expect(editDistance("", "")).toBe(0);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("abc", "abcd")).toBe(1);
    expect(editDistance("abcd", "abc")).toBe(1);
    expect(editDistance("abc", "axc")).toBe(1);
    expect(editDistance("hedaline", "headline")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});
