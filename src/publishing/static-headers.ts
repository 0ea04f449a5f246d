import { withBase } from "../lib/site-urls.ts";

/** Headers every response gets, besides the Content-Security-Policy. */
export const SECURITY_HEADERS = {
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
} as const;

/** For files whose names carry a hash of their content: they never change. */
export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";

/** For pages and every other file: keep a copy, but ask the server each time. */
export const REVALIDATE_CACHE = "public, max-age=0, must-revalidate";

/** What the `_headers` file is made from. */
export interface HeadersFileInput {
  /** The site's base path, "/" or "/reader/". */
  base: string;
  /** The Content-Security-Policy header, for every response. */
  contentSecurityPolicy: string;
  /** The folder of hashed assets inside the build, Astro's `build.assets` ("_astro"). */
  assetsDir: string;
  /** What sits at the top of the build folder, files and folders alike. */
  topLevelEntries: readonly { name: string; isDirectory: boolean }[];
}

/**
 * The `_headers` file of Netlify and Cloudflare Pages.
 *
 * Both hosts join the values of a header that several rules set, so no two
 * rules here set the same header for one URL: the security headers go on
 * everything under the base, and `Cache-Control` on the hashed assets
 * (immutable) and on each other top-level entry (revalidate) separately.
 * Rules stay few whatever the number of pages (Cloudflare takes 100).
 */
export function headersFile({
  base,
  contentSecurityPolicy,
  assetsDir,
  topLevelEntries,
}: HeadersFileInput): string {
  const rule = (pattern: string, headers: Record<string, string>) =>
    [pattern, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join("\n");
  const rules = [
    rule(withBase(base, "*"), {
      "Content-Security-Policy": contentSecurityPolicy,
      ...SECURITY_HEADERS,
    }),
    rule(withBase(base, `${assetsDir}/*`), { "Cache-Control": IMMUTABLE_CACHE }),
    rule(withBase(base), { "Cache-Control": REVALIDATE_CACHE }),
  ];
  const entries = [...topLevelEntries].sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const { name, isDirectory } of entries) {
    if (name === assetsDir || name === "_headers") continue;
    const pattern = withBase(base, isDirectory ? `${name}/*` : name);
    rules.push(rule(pattern, { "Cache-Control": REVALIDATE_CACHE }));
  }
  return `${rules.join("\n\n")}\n`;
}
