import { createHash } from "node:crypto";

/**
 * The Content-Security-Policy directives of every page besides `script-src`
 * and `style-src`, which Astro's `security.csp` writes with the hashes of the
 * scripts and styles it emits. Nothing loads from elsewhere, except images an
 * article may embed from an https host.
 *
 * `connect-src 'self'` lets tools that fetch from inside the page read the
 * site's own files: Lighthouse fetches robots.txt that way and, with
 * `connect-src` falling back to `'none'`, failed its SEO check. Only hashed
 * scripts run, and none of them fetches anything.
 */
export const CSP_DIRECTIVES = [
  "default-src 'none'",
  "connect-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
] as const;

/** Directives that browsers ignore in a `<meta>` policy, so only the HTTP header carries them. */
export const HEADER_ONLY_CSP_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/** A policy as an ordered list of directives, each a name and its source list. */
export type CspDirectives = [name: string, sources: string[]][];

/** Splits a serialised policy ("a x; b y z") into its directives. */
export function parseCsp(policy: string): CspDirectives {
  return policy
    .split(";")
    .map((directive) => directive.trim().split(/\s+/))
    .filter(([name]) => name !== undefined && name !== "")
    .map(([name, ...sources]) => [name!.toLowerCase(), sources]);
}

/** Writes directives back as one policy string. */
export function serializeCsp(directives: CspDirectives): string {
  return directives.map(([name, sources]) => [name, ...sources].join(" ")).join("; ");
}

/** A CSP hash source of some code, quoted as a policy writes it: `'sha256-…'`. */
export function cspHashSource(code: string, algorithm: "sha256" | "sha384" | "sha512" = "sha256") {
  return `'${algorithm}-${createHash(algorithm).update(code, "utf8").digest("base64")}'`;
}

/** What narrowing a policy to the code a site contains found. */
export interface NarrowedPolicy {
  /** The policy with only the hashes of code the site contains. */
  policy: string;
  /** Hashes of inline code the site contains that the policy never allowed. */
  unknown: string[];
}

/**
 * Keeps in `script-src` and `style-src` only the hashes of inline code that
 * the site really contains. Astro lists some hashes on every page whether
 * used or not (those of its `client:*` hydration scripts); a hash is kept
 * only when the policy already had it, so code that reached a page some
 * other way (an injected script) is reported, never allowed.
 */
export function narrowCspHashes(
  policy: string,
  present: { scripts: Iterable<string>; styles: Iterable<string> },
): NarrowedPolicy {
  const directives = parseCsp(policy);
  const unknown: string[] = [];
  const narrow = (name: string, hashes: Iterable<string>) => {
    const wanted = new Set(hashes);
    const directive = directives.find(([directiveName]) => directiveName === name);
    const allowed = new Set(directive?.[1] ?? []);
    for (const hash of wanted) if (!allowed.has(hash)) unknown.push(hash);
    if (directive) directive[1] = directive[1].filter((s) => !isHashSource(s) || wanted.has(s));
  };
  narrow("script-src", present.scripts);
  narrow("style-src", present.styles);
  return { policy: serializeCsp(directives), unknown };
}

function isHashSource(source: string): boolean {
  return /^'sha(256|384|512)-/.test(source);
}

/**
 * What the search page's policy adds to every page's, for Pagefind: it
 * compiles WebAssembly. (It fetches its index from the site, which every
 * page's `connect-src 'self'` already allows, and searches on the page's own
 * thread, so it starts no worker.) No other page's policy has this.
 */
export const SEARCH_CSP_ADDITIONS: CspDirectives = [["script-src", ["'wasm-unsafe-eval'"]]];

/**
 * One policy allowing everything that each of several allows: their hash
 * sources joined, and any of `extras` that one of them has. The policies
 * must otherwise be the same, as the pages of one site's are; the header
 * carries this one for every page, and each page's `<meta>` policy, which
 * the browser enforces as well, narrows it to what that page does.
 */
export function joinCspHashes(policies: readonly string[], extras: CspDirectives = []): string {
  const [first, ...rest] = policies.map(parseCsp);
  if (first === undefined) throw new Error("No policy to join.");
  const isExtra = (name: string, source: string) =>
    extras.some(([extraName, sources]) => extraName === name && sources.includes(source));
  const onlyExtras = (name: string) => extras.some(([extraName]) => extraName === name);
  const withoutHashes = (directives: CspDirectives) =>
    serializeCsp(
      directives
        .map(([name, sources]): [string, string[]] => [
          name,
          sources.filter((s) => !isHashSource(s) && !isExtra(name, s)),
        ])
        // A directive that only an extra brings (worker-src) is not a difference.
        .filter(([name, sources]) => sources.length > 0 || !onlyExtras(name)),
    );
  for (const other of rest) {
    if (withoutHashes(other) !== withoutHashes(first)) {
      throw new Error(
        `Policies differ in more than hashes:\n${withoutHashes(first)}\n${withoutHashes(other)}`,
      );
    }
    for (const [name, sources] of other) {
      let directive = first.find(([firstName]) => firstName === name);
      if (!directive) first.push((directive = [name, []]));
      for (const source of sources) if (!directive[1].includes(source)) directive[1].push(source);
    }
  }
  return serializeCsp(first);
}

/** The policy for the HTTP header: the page's policy plus what only a header can say. */
export function headerPolicy(metaPolicy: string): string {
  return serializeCsp([...parseCsp(metaPolicy), ...parseCsp(HEADER_ONLY_CSP_DIRECTIVES.join(";"))]);
}
