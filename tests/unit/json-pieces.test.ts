import { describe, expect, test } from "vitest";
import { jsonPieces } from "../../src/lib/json-pieces";

const text = (value: unknown, depth: number) => [...jsonPieces(value, depth)].join("");

describe("JSON written in pieces", () => {
  const manifest = {
    version: 6,
    output: 'ab"c\\d',
    articles: {
      "2015/putin.md": {
        digest: "d1",
        keys: ["article:2015-11-15/putin", "topic:russia"],
        frontmatter: { headline: "Putin — “pariah”", published: new Date("2015-11-15T15:32:00Z") },
        missing: undefined,
      },
      "2016/é.md": { digest: "d2", keys: [], at: new Date(0), call: () => 1 },
      "10": { digest: "numeric keys come first" },
    },
    size: { files: 3, bytes: 1.5, nothing: NaN, far: Infinity },
    pages: { policies: [], facts: [{ path: "index.html", policy: 0 }, undefined, null] },
    // An undefined item, which JSON.stringify writes as null.
    sparse: Object.assign([1, 2, 3], { 1: undefined }),
    empty: {},
    when: new Date("2026-12-07T00:00:00Z"),
    withJson: { toJSON: () => ({ replaced: true }), ignored: 1 },
  };

  test.each([0, 1, 2, 3, 4, 10])("are JSON.stringify's text at depth %i", (depth) => {
    expect(text(manifest, depth)).toBe(JSON.stringify(manifest));
  });

  test.each([
    ["a string", 'x\n"y"'],
    ["a number", 42],
    ["null", null],
    ["an empty array", []],
    ["an array of values without JSON text", [undefined, () => 0, Symbol("s")]],
    ["a Date", new Date(86_400_000)],
  ])("are JSON.stringify's text for %s", (_, value) => {
    expect(text(value, 3)).toBe(JSON.stringify(value));
  });

  test("take apart the levels above `depth`, and no more", () => {
    const records = Object.fromEntries(
      Array.from({ length: 1000 }, (_, n) => [`file-${n}.md`, { digest: "x".repeat(64), n }]),
    );
    const whole = JSON.stringify({ articles: records });
    const pieces = [...jsonPieces({ articles: records }, 2)];
    const longest = Math.max(...pieces.map((piece) => piece.length));
    expect(longest).toBe(JSON.stringify(records["file-999.md"]).length);
    expect(pieces.join("")).toBe(whole);
    expect([...jsonPieces({ articles: records }, 1)]).toContain(JSON.stringify(records));
  });
});
