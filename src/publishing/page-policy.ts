import { cspHashSource, narrowCspHashes } from "./csp";
import { inlineCodeOf, quickInlineCodeOf, type InlineCode } from "./inline-code";

/** Astro's CSP `<meta>`, exactly as Astro writes it. */
const cspMeta = /<meta http-equiv="content-security-policy" content="([^"]*)">/g;

/*
 * The hash of each piece of inline code met so far: every page of a kind
 * carries the same inlined CSS and scripts.
 */
const hashes = new Map<string, string>();

function hashOf(code: string): string {
  let hash = hashes.get(code);
  if (hash === undefined) {
    hash = cspHashSource(code);
    hashes.set(code, hash);
  }
  return hash;
}

/**
 * A page with its Content-Security-Policy `<meta>` narrowed to the inline
 * scripts and styles the page contains. Astro's `security.csp` lists the
 * hashes of every script and style of the whole site on every page; this
 * keeps only those of code that is really there, and throws if the page has
 * inline code that Astro did not hash (the browser would block it). `page`
 * names the page in the error.
 */
export function narrowPagePolicy(html: string, page: string): string {
  const found = [...html.matchAll(cspMeta)].map((match) => match[1]!);
  if (found.length !== 1) throw new Error(`${page} has ${found.length} CSP <meta> tags, not 1.`);
  const narrow = (code: InlineCode) =>
    narrowCspHashes(found[0]!, {
      scripts: code.scripts.map(hashOf),
      styles: code.styles.map(hashOf),
    });
  // The parser reads every page the quick reading is unsure of, or finds
  // code on that the policy does not allow: it has the last word.
  const quick = quickInlineCodeOf(html);
  let narrowed = quick && narrow(quick);
  if (!narrowed || narrowed.unknown.length > 0) narrowed = narrow(inlineCodeOf(html));
  const { policy, unknown } = narrowed;
  if (unknown.length > 0) {
    throw new Error(
      `${page} has inline code that Astro's CSP does not allow ` +
        `(${unknown.join(", ")}), which browsers would block. Use a <script> or <style> ` +
        "that Astro processes, not is:inline or set:html.",
    );
  }
  return html.replace(cspMeta, () => metaTag(policy));
}

function metaTag(policy: string): string {
  return `<meta http-equiv="content-security-policy" content="${policy.replaceAll("&", "&amp;").replaceAll('"', "&quot;")}">`;
}
