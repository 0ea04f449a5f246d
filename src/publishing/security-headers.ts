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
import { htmlFiles } from "./html-files";

/** Astro's CSP `<meta>`, exactly as Astro writes it. */
const cspMeta = /<meta http-equiv="content-security-policy" content="([^"]*)">/g;

/**
 * After the build, narrows each page's Content-Security-Policy to the inline
 * scripts and styles that page contains, and writes `_headers` with one
 * policy for the site (every page's hashes, and the search page's additions
 * for Pagefind) and the other security and caching headers.
 *
 * Astro's `security.csp` writes the `<meta>` policy; this keeps only the
 * hashes of code that is really there, and stops the build if a page has
 * inline code that Astro did not hash (the browser would block it).
 */
export function securityHeaders(): AstroIntegration {
  let base = "/";
  let assetsDir = "_astro";
  return {
    name: "broadsheet:security-headers",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        assetsDir = config.build.assets;
      },
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const policies: string[] = [];
        for (const file of await htmlFiles(outDir)) {
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
          policies.push(policy);
        }
        if (policies.length === 0) return;

        const topLevelEntries = (await readdir(outDir, { withFileTypes: true })).map((entry) => ({
          name: entry.name,
          isDirectory: entry.isDirectory(),
        }));
        // One policy for every URL, the search page's additions included: a
        // second rule setting the CSP for search/ and pagefind/ would be joined
        // to this one, not put in its place (see static-headers.ts), and rules
        // for each top-level entry would leave a 404 at an unknown address
        // without one. Each page's <meta> narrows it to what that page does.
        const contentSecurityPolicy = headerPolicy(joinCspHashes(policies, SEARCH_CSP_ADDITIONS));
        await writeFile(
          join(outDir, "_headers"),
          headersFile({ base, contentSecurityPolicy, assetsDir, topLevelEntries }),
        );
        logger.info(`_headers written for ${policies.length} pages`);
      },
    },
  };
}

function metaTag(policy: string): string {
  return `<meta http-equiv="content-security-policy" content="${policy.replaceAll("&", "&amp;").replaceAll('"', "&quot;")}">`;
}
