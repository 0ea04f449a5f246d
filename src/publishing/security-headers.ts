import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import {
  cspHashSource,
  headerPolicy,
  joinCspHashes,
  narrowCspHashes,
  SEARCH_CSP_ADDITIONS,
} from "./csp";
import { inlineCodeOf } from "./inline-code";
import { headersFile } from "./static-headers";
import { htmlFiles, pageHead } from "./html-files";

/** Astro's CSP `<meta>`, exactly as Astro writes it. */
const cspMeta = /<meta http-equiv="content-security-policy" content="([^"]*)">/g;

/**
 * After the build, narrows each page's Content-Security-Policy to the inline
 * scripts and styles that page contains. Astro's `security.csp` writes the
 * `<meta>` policy; this keeps only the hashes of code that is really there,
 * and stops the build if a page has inline code that Astro did not hash (the
 * browser would block it). Every build process does this to the pages it
 * made; `_headers`, for the whole site, is `writeHeadersFile`'s.
 */
export function pagePolicies(): AstroIntegration {
  return {
    name: "broadsheet:page-policies",
    hooks: {
      "astro:build:done": async ({ dir }) => {
        const outDir = fileURLToPath(dir);
        await forEachLimited(await htmlFiles(outDir), async (file) => {
          const html = await readFile(file, "utf8");
          const found = [...html.matchAll(cspMeta)].map((match) => match[1]!);
          if (found.length !== 1) {
            throw new Error(
              `${relative(outDir, file)} has ${found.length} CSP <meta> tags, not 1.`,
            );
          }
          const code = inlineCodeOf(html);
          const { policy, unknown } = narrowCspHashes(found[0]!, {
            scripts: code.scripts.map((script) => cspHashSource(script)),
            styles: code.styles.map((style) => cspHashSource(style)),
          });
          if (unknown.length > 0) {
            throw new Error(
              `${relative(outDir, file)} has inline code that Astro's CSP does not allow ` +
                `(${unknown.join(", ")}), which browsers would block. Use a <script> or <style> ` +
                "that Astro processes, not is:inline or set:html.",
            );
          }
          await writeFile(
            file,
            html.replace(cspMeta, () => metaTag(policy)),
          );
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

function metaTag(policy: string): string {
  return `<meta http-equiv="content-security-policy" content="${policy.replaceAll("&", "&amp;").replaceAll('"', "&quot;")}">`;
}
