import { describe, expect, test } from "vitest";
import {
  CSP_DIRECTIVES,
  cspHashSource,
  headerPolicy,
  joinCspHashes,
  narrowCspHashes,
  parseCsp,
  serializeCsp,
} from "../../src/publishing/csp";
import { inlineCodeOf, quickInlineCodeOf } from "../../src/publishing/inline-code";

describe("cspHashSource", () => {
  test("hashes code as CSP Level 3 does (the values openssl gives)", () => {
    expect(cspHashSource("alert('Hello, world.');")).toBe(
      "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='",
    );
    expect(cspHashSource("")).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(cspHashSource("doSomething();", "sha384")).toBe(
      "'sha384-AoWO2NN+PGpt3TudulLbvGyFVcFxsRkrmg9v0ShvWAB8VuPrr1UBL1hyq+XDuBAD'",
    );
  });
});

describe("parseCsp and serializeCsp", () => {
  test("read a policy into directives and write it back", () => {
    const policy = "default-src 'none';img-src 'self'  https: ; script-src 'self'";
    expect(parseCsp(policy)).toEqual([
      ["default-src", ["'none'"]],
      ["img-src", ["'self'", "https:"]],
      ["script-src", ["'self'"]],
    ]);
    expect(serializeCsp(parseCsp(policy))).toBe(
      "default-src 'none'; img-src 'self' https:; script-src 'self'",
    );
  });
});

describe("the site's directives", () => {
  test("load nothing by default and never allow inline code wholesale", () => {
    expect(CSP_DIRECTIVES).toContain("default-src 'none'");
    expect(CSP_DIRECTIVES.join(" ")).not.toMatch(/unsafe-/);
  });

  test("leave frame-ancestors to the header, where browsers obey it", () => {
    expect(CSP_DIRECTIVES.join(" ")).not.toContain("frame-ancestors");
    expect(headerPolicy("default-src 'none'; style-src 'self'")).toBe(
      "default-src 'none'; style-src 'self'; frame-ancestors 'none'",
    );
  });
});

describe("inlineCodeOf", () => {
  test("finds inline scripts the browser runs and inline styles, and nothing else", () => {
    const html = `<!doctype html><html><head>
      <style>body{margin:0}</style>
      <script>run()</script>
      <script type="module">mod()</script>
      <script src="/x.js"></script>
      <script type="application/ld+json">{"a":"</p>"}</script>
      </head><body><p style="color:red">x</p><style>p{}</style></body></html>`;
    expect(inlineCodeOf(html)).toEqual({
      scripts: ["run()", "mod()"],
      styles: ["body{margin:0}", "p{}"],
    });
  });

  test("keeps a style's text exactly, entities and all, as the browser hashes it", () => {
    expect(inlineCodeOf('<style>a::after{content:"&amp;"}\n</style>').styles).toEqual([
      'a::after{content:"&amp;"}\n',
    ]);
  });
});

describe("quickInlineCodeOf", () => {
  test("reads what the parser reads on a page as Astro writes it", () => {
    const html = `<!doctype html><html><head>
      <style>body{margin:0}</style>
      <SCRIPT>run()</SCRIPT >
      <script type="MODULE" data-src="x">mod(); document.write("<style>no</style>")</script>
      <script src="/x.js"></script>
      <script defer src=y.js></script>
      <script type="application/ld+json">{"a":"</p>"}</script>
      </head><body><p style="color:red">x</p><style media='print'>p{}</style></body></html>`;
    expect(quickInlineCodeOf(html)).toEqual(inlineCodeOf(html));
    expect(quickInlineCodeOf(html)).toEqual({
      scripts: ["run()", 'mod(); document.write("<style>no</style>")'],
      styles: ["body{margin:0}", "p{}"],
    });
  });

  test.each([
    ["a comment", "<!-- <script>x()</script> --><style>p{}</style>"],
    ["an entity in an attribute", '<script type="text&#47;plain">x()</script>'],
    ["a quoted >", '<script data-x="a>b" src="y.js">x()</script>'],
    ["a script that opens a comment", "<script><!--<script>x()</script>--></script>"],
    ["an element that does not end", "<style>p{}"],
    ["attributes run together", '<script type="module"src="y.js">x()</script>'],
    ["an unquoted value with a slash", "<script src=/y.js>x()</script>"],
  ])("leaves a page with %s to the parser", (_, html) => {
    expect(quickInlineCodeOf(html)).toBeUndefined();
  });

  test("reads tag-like text in an attribute as an element: more than the parser, never less", () => {
    const html = '<a title="<style>q{}</style>">a</a><style>p{}</style>';
    expect(inlineCodeOf(html).styles).toEqual(["p{}"]);
    expect(quickInlineCodeOf(html)!.styles).toEqual(["q{}", "p{}"]);
  });
});

describe("narrowCspHashes", () => {
  const astro =
    "default-src 'none'; script-src 'self' 'sha256-A' 'sha256-B'; style-src 'self' 'sha256-S' 'sha256-T'";

  test("keeps only the hashes of code the site contains", () => {
    expect(narrowCspHashes(astro, { scripts: [], styles: ["'sha256-T'"] })).toEqual({
      policy: "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-T'",
      unknown: [],
    });
  });

  test("reports code the policy never allowed instead of allowing it", () => {
    const result = narrowCspHashes(astro, { scripts: ["'sha256-EVIL'"], styles: ["'sha256-S'"] });
    expect(result.unknown).toEqual(["'sha256-EVIL'"]);
    expect(result.policy).not.toContain("EVIL");
  });
});

describe("joinCspHashes", () => {
  test("allows what each page's policy allows, once each", () => {
    expect(
      joinCspHashes([
        "default-src 'none'; script-src 'self' 'sha256-A'; style-src 'self' 'sha256-S'",
        "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-T' 'sha256-S'",
      ]),
    ).toBe(
      "default-src 'none'; script-src 'self' 'sha256-A'; style-src 'self' 'sha256-S' 'sha256-T'",
    );
  });

  test("joins in the extra sources one page adds, and nothing else it adds", () => {
    const extras: [string, string[]][] = [
      ["script-src", ["'wasm-unsafe-eval'"]],
      ["worker-src", ["'self'"]],
    ];
    const page = "default-src 'none'; script-src 'self' 'sha256-A'";
    const search = "default-src 'none'; worker-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
    expect(joinCspHashes([page, search], extras)).toBe(
      "default-src 'none'; script-src 'self' 'sha256-A' 'wasm-unsafe-eval'; worker-src 'self'",
    );
    expect(() => joinCspHashes([page, search])).toThrow("Policies differ in more than hashes");
    expect(() => joinCspHashes([page, `${search}; img-src *`], extras)).toThrow(
      "Policies differ in more than hashes",
    );
  });

  test("refuses policies that differ in more than their hashes", () => {
    expect(() =>
      joinCspHashes(["default-src 'none'; img-src 'self'", "default-src 'none'; img-src *"]),
    ).toThrow("Policies differ in more than hashes");
  });
});
