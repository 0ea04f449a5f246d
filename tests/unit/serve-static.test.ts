import { describe, expect, test } from "vitest";
import { parseHeadersFile } from "../../src/cli/serve-static";

describe("parseHeadersFile", () => {
  test("parses _headers patterns with a splat", () => {
    const [rule] = parseHeadersFile("/reader/_astro/*\n  Cache-Control: immutable\n");
    expect(rule?.pattern.test("/reader/_astro/x.css")).toBe(true);
    expect(rule?.pattern.test("/reader/index.html")).toBe(false);
    expect(rule?.headers).toEqual([["Cache-Control", "immutable"]]);
  });
});
