import { describe, expect, test } from "vitest";
import {
  headersFile,
  IMMUTABLE_CACHE,
  REVALIDATE_CACHE,
  SECURITY_HEADERS,
} from "../../src/publishing/static-headers";

const input = {
  base: "/reader/",
  contentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'",
  assetsDir: "_astro",
  topLevelEntries: [
    { name: "rss.xml", isDirectory: false },
    { name: "_astro", isDirectory: true },
    { name: "articles", isDirectory: true },
    { name: "index.html", isDirectory: false },
    { name: "_headers", isDirectory: false },
  ],
};

/** The rules of a `_headers` file: a URL pattern and its headers. */
function rules(text: string): { pattern: string; headers: Record<string, string> }[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((block) => {
      const [pattern = "", ...lines] = block.split("\n");
      const headers = Object.fromEntries(
        lines.map((line) => {
          const at = line.indexOf(":");
          return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
        }),
      );
      return { pattern, headers };
    });
}

describe("headersFile", () => {
  test("writes the security headers and the CSP for everything under the base", () => {
    const [all] = rules(headersFile(input));
    expect(all).toEqual({
      pattern: "/reader/*",
      headers: {
        "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
        ...SECURITY_HEADERS,
      },
    });
  });

  test("caches hashed assets for ever and has every other entry revalidated", () => {
    expect(rules(headersFile(input)).slice(1)).toEqual([
      { pattern: "/reader/_astro/*", headers: { "Cache-Control": IMMUTABLE_CACHE } },
      { pattern: "/reader/", headers: { "Cache-Control": REVALIDATE_CACHE } },
      { pattern: "/reader/articles/*", headers: { "Cache-Control": REVALIDATE_CACHE } },
      { pattern: "/reader/index.html", headers: { "Cache-Control": REVALIDATE_CACHE } },
      { pattern: "/reader/rss.xml", headers: { "Cache-Control": REVALIDATE_CACHE } },
    ]);
  });

  test("writes root patterns for a site at the root", () => {
    const patterns = rules(headersFile({ ...input, base: "/" })).map((rule) => rule.pattern);
    expect(patterns).toEqual(["/*", "/_astro/*", "/", "/articles/*", "/index.html", "/rss.xml"]);
  });

  test("never sets one header twice for a URL, since hosts would join the values", () => {
    const all = rules(headersFile(input));
    const cacheRules = all.filter((rule) => "Cache-Control" in rule.headers);
    expect(cacheRules.every((rule) => !("Content-Security-Policy" in rule.headers))).toBe(true);
    // The Cache-Control patterns are disjoint: distinct top-level entries, and the base alone.
    const tops = cacheRules.map((rule) => rule.pattern.replace(/\*$/, ""));
    for (const a of tops)
      for (const b of tops)
        if (a !== b && a !== "/reader/" && b !== "/reader/") expect(a.startsWith(b)).toBe(false);
  });

  test("asks for HSTS, nosniff, a referrer policy and a permissions policy", () => {
    expect(SECURITY_HEADERS["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
    expect(SECURITY_HEADERS["X-Content-Type-Options"]).toBe("nosniff");
    expect(SECURITY_HEADERS["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(SECURITY_HEADERS["Permissions-Policy"]).toContain("camera=()");
    expect(IMMUTABLE_CACHE).toContain("immutable");
    expect(REVALIDATE_CACHE).toContain("must-revalidate");
  });
});
