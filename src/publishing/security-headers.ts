import { readdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { AstroIntegration } from "astro";
import { headerPolicy, joinCspHashes, SEARCH_CSP_ADDITIONS } from "./csp.ts";
import { headersFile } from "./static-headers.ts";
import { htmlFiles, pageHead } from "./html-files.ts";

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

/** Where the site is served from, as `_headers` needs it. */
export interface HeadersLocation {
  /** The base path, "/" or "/reader/". */
  base: string;
  /** Astro's `build.assets` folder ("_astro"). */
  assetsDir: string;
}

/**
 * Writes `_headers` for the site in `outDir`: one policy for every URL (each
 * page's narrowed hashes, and the search page's additions for Pagefind), and
 * the other security and caching headers. Read from the pages' own `<meta>`
 * policies, so it comes out the same however the pages were built.
 */
export async function writeHeadersFile(
  outDir: string,
  { base, assetsDir }: HeadersLocation,
): Promise<number> {
  const policies = new Set<string>();
  await forEachLimited(await htmlFiles(outDir), async (file) => {
    const policy = await metaPolicy(file);
    if (policy === undefined) throw new Error(`${relative(outDir, file)} has no CSP <meta> tag.`);
    policies.add(policy);
  });
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
  await writeFile(
    join(outDir, "_headers"),
    headersFile({ base, contentSecurityPolicy, assetsDir, topLevelEntries }),
  );
  return policies.size;
}

/** The policy of a page's CSP `<meta>`, unescaped: it sits in the `<head>`, so most pages are read only in part. */
async function metaPolicy(file: string): Promise<string | undefined> {
  const found = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(
    await pageHead(file),
  );
  return found?.[1]?.replaceAll("&quot;", '"').replaceAll("&amp;", "&");
}

/** Runs `task` on every file, a few at a time: thousands at once would run out of file handles. */
async function forEachLimited(files: readonly string[], task: (file: string) => Promise<void>) {
  const batch = 64;
  for (let start = 0; start < files.length; start += batch) {
    await Promise.all(files.slice(start, start + batch).map(task));
  }
}
