import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { AstroIntegration } from "astro";
import type { SiteLocation } from "../lib/site-urls.ts";
import { headerPolicy, joinCspHashes, SEARCH_CSP_ADDITIONS } from "./csp.ts";
import { headersFile } from "./static-headers.ts";
import type { PageHeadFacts } from "./html-files.ts";
import { writeNewFile } from "./new-file.ts";

/**
 * Narrows each page's Content-Security-Policy to the inline scripts and
 * styles that page contains (`narrowPagePolicy`), and stops the build if a
 * page has inline code that Astro did not hash (the browser would block it).
 * A middleware does it to each page as `astro build` makes it, so every
 * build process narrows the pages it made; `_headers`, for the whole site,
 * is `writeHeadersFile`'s. `astro dev` writes no CSP, and is left alone.
 */
export function pagePolicies(): AstroIntegration {
  return {
    name: "broadsheet:page-policies",
    hooks: {
      "astro:config:setup": ({ command, addMiddleware }) => {
        if (command !== "build") return;
        addMiddleware({
          entrypoint: new URL("./page-policy-middleware.ts", import.meta.url),
          order: "pre",
        });
      },
    },
  };
}

/**
 * Writes `_headers` for the site in `outDir`, whose hashed assets are in
 * `assetsDir` (Astro's `build.assets`, "_astro"): one policy for every URL (each
 * page's narrowed hashes, and the search page's additions for Pagefind), and
 * the other security and caching headers. Read from the pages' own `<meta>`
 * policies, so it comes out the same however the pages were built.
 */
export async function writeHeadersFile(
  outDir: string,
  { base }: SiteLocation,
  assetsDir: string,
  pages: readonly PageHeadFacts[],
): Promise<number> {
  const policies = new Set<string>();
  for (const { path, policy } of pages) {
    if (policy === undefined) throw new Error(`${path} has no CSP <meta> tag.`);
    policies.add(policy);
  }
  if (policies.size === 0) return 0;
  const topLevelEntries = (await readdir(outDir, { withFileTypes: true }))
    .filter((entry) => entry.name !== "_headers")
    .map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
  // One policy for every URL, the search page's additions included: a
  // second rule setting the CSP for search/ and pagefind/ would be joined
  // to this one, not put in its place (see static-headers.ts), and rules
  // for each top-level entry would leave a 404 at an unknown address
  // without one. Each page's <meta> narrows it to what that page does.
  const contentSecurityPolicy = headerPolicy(
    joinCspHashes([...policies].sort(), SEARCH_CSP_ADDITIONS),
  );
  await writeNewFile(
    join(outDir, "_headers"),
    headersFile({ base, contentSecurityPolicy, assetsDir, topLevelEntries }),
  );
  return policies.size;
}
