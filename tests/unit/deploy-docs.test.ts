import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { HEADER_ONLY_CSP_DIRECTIVES } from "../../src/publishing/csp";
import {
  IMMUTABLE_CACHE,
  REVALIDATE_CACHE,
  SECURITY_HEADERS,
} from "../../src/publishing/static-headers";

const deploying = await readFile(new URL("../../docs/deploying.md", import.meta.url), "utf8");
const workflow = await readFile(
  new URL("../../.github/workflows/deploy-pages.yml", import.meta.url),
  "utf8",
);

/** docs/deploying.md's nginx snippet: its `add_header NAME "VALUE"` lines and its map's values. */
function nginxSnippet() {
  const block = /```nginx\n([\s\S]*?)```/.exec(deploying)?.[1] ?? "";
  const headers = new Map(
    [...block.matchAll(/add_header\s+(\S+)\s+"([^"]*)"\s+always;/g)].map(([, name, value]) => [
      name!,
      value!,
    ]),
  );
  const mapped = [...block.matchAll(/^\s+\S+\s+"([^"]*)";$/gm)].map(([, value]) => value);
  return { block, headers, mapped };
}

describe("the nginx snippet of docs/deploying.md", () => {
  test("sends the same security headers as _headers, value for value", () => {
    const { headers } = nginxSnippet();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(headers.get(name), name).toBe(value);
    }
  });

  test("sends the CSP directive a <meta> cannot carry, and the two caching rules", () => {
    const { block, headers, mapped } = nginxSnippet();
    expect(headers.get("Content-Security-Policy")).toBe(HEADER_ONLY_CSP_DIRECTIVES.join("; "));
    expect(mapped).toEqual([IMMUTABLE_CACHE, REVALIDATE_CACHE]);
    expect(block).toContain("~^/reader/_astro/");
    expect(block).toContain("add_header Cache-Control $broadsheet_cache_control always;");
  });
});

describe("the GitHub Pages workflow", () => {
  test("builds with SITE_URL and BASE_PATH from the Pages settings and publishes dist/", () => {
    expect(workflow).toMatch(/- run: npm ci\n/);
    expect(workflow).toMatch(
      /- run: npm run build\n\s+env:\n\s+SITE_URL: \$\{\{ steps\.pages\.outputs\.origin \}\}\n\s+BASE_PATH: \$\{\{ steps\.pages\.outputs\.base_path \}\}\/\n/,
    );
    expect(workflow).toMatch(
      /uses: actions\/upload-pages-artifact@v\d+\n\s+with:\n\s+path: dist\n/,
    );
    expect(workflow).toContain("uses: actions/deploy-pages@");
  });
});
