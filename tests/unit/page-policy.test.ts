import { describe, expect, test } from "vitest";
import { cspHashSource } from "../../src/publishing/csp";
import { narrowPagePolicy } from "../../src/publishing/page-policy";

const script = "console.log(1)";
const style = "p{color:red}";
const other = "h1{color:blue}";
const meta = (policy: string) => `<meta http-equiv="content-security-policy" content="${policy}">`;
const astroPolicy =
  `default-src 'none'; script-src 'self' ${cspHashSource(script)} ${cspHashSource("unused()")}; ` +
  `style-src 'self' ${cspHashSource(style)} ${cspHashSource(other)}`;
const page = (head: string, body = "") =>
  `<!doctype html><html><head>${head}<style>${style}</style></head><body>` +
  `<script type="module">${script}</script><script type="application/ld+json">{}</script>${body}</body></html>`;

describe("narrowPagePolicy", () => {
  test("keeps only the hashes of the inline code the page holds", () => {
    const html = narrowPagePolicy(page(meta(astroPolicy)), "/a/");
    expect(html).toBe(
      page(
        meta(
          `default-src 'none'; script-src 'self' ${cspHashSource(script)}; ` +
            `style-src 'self' ${cspHashSource(style)}`,
        ),
      ),
    );
  });

  test("stops at inline code that the policy does not allow, naming the page", () => {
    expect(() =>
      narrowPagePolicy(page(meta(astroPolicy), "<script>alert(1)</script>"), "/a/"),
    ).toThrow(/^\/a\/ has inline code that Astro's CSP does not allow \('sha256-/);
  });

  test("asks the parser when the quick reading finds code the policy does not allow", () => {
    // Tag-like text in an attribute: not code, as the parser knows.
    const body = '<a title="<script>alert(1)</script>">a</a>';
    expect(narrowPagePolicy(page(meta(astroPolicy), body), "/a/")).toBe(
      page(
        meta(
          `default-src 'none'; script-src 'self' ${cspHashSource(script)}; ` +
            `style-src 'self' ${cspHashSource(style)}`,
        ),
        body,
      ),
    );
  });

  test("stops at a page without exactly one CSP <meta>", () => {
    expect(() => narrowPagePolicy(page(""), "/a/")).toThrow("/a/ has 0 CSP <meta> tags, not 1.");
    expect(() => narrowPagePolicy(page(meta(astroPolicy) + meta(astroPolicy)), "/b/")).toThrow(
      "/b/ has 2 CSP <meta> tags, not 1.",
    );
  });
});
