import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { subpathSite } from "../support/global-build";
import { htmlPages } from "../support/html";
import { parseHeadersFile, serveStatic, type StaticServer } from "../../src/cli/serve-static";

/** A policy's directives by name, each a list of sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(/[;,]/)
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const hashesIn = (sources: string[] = []) => new Set(sources.filter((s) => s.startsWith("'sha")));

const hash = (code: string) => `'sha256-${createHash("sha256").update(code).digest("base64")}'`;

/** One built page: its CSP <meta> and what the browser would hash, each inline script it runs and each inline style. */
interface Page {
  file: string;
  policies: string[];
  scripts: Set<string>;
  styles: Set<string>;
  /** Attributes a CSP without 'unsafe-inline' would block: style="", on*="", javascript: URLs. */
  blocked: string[];
}

async function readPages(dir: string): Promise<Page[]> {
  return Promise.all(
    (await htmlPages(dir)).map(async (file) => {
      const $ = cheerio.load(await readFile(join(dir, file), "utf8"));
      const page: Page = { file, policies: [], scripts: new Set(), styles: new Set(), blocked: [] };
      $("script:not([src])").each((_, script) => {
        const type = ($(script).attr("type") ?? "").toLowerCase();
        if (["", "module", "text/javascript"].includes(type))
          page.scripts.add(hash($(script).text()));
      });
      $("style").each((_, style) => void page.styles.add(hash($(style).text())));
      $('meta[http-equiv="content-security-policy" i]').each(
        (_, meta) => void page.policies.push($(meta).attr("content") ?? ""),
      );
      $("*").each((_, element) => {
        for (const [name, value] of Object.entries($(element).attr() ?? {})) {
          if (name === "style" || name.startsWith("on") || /^\s*javascript:/i.test(value)) {
            page.blocked.push(`${file}: ${$(element).prop("tagName")}[${name}]`);
          }
        }
      });
      return page;
    }),
  );
}

/** The one page that runs Pagefind, and so the one whose policy adds what it needs. */
const SEARCH_PAGE = join("search", "index.html");

/** What the search page's policy adds, which the header, one policy for every URL, also carries. */
const searchAdditions = { "script-src": ["'wasm-unsafe-eval'"] };

/** A policy without the search page's additions. */
const withoutSearchAdditions = (policy: string) =>
  [...directives(policy)]
    .map(
      ([name, sources]) => `${name} ${sources.filter((s) => s !== "'wasm-unsafe-eval'").join(" ")}`,
    )
    .join("; ");

/** A policy without its hash sources: what every page's and the header's must share. */
const withoutHashes = (policy: string) =>
  [...directives(policy)].map(([name, sources]) => [
    name,
    sources.filter((s) => !s.startsWith("'sha")),
  ]);

describe.each([
  ["the root build", () => inject("distDir"), "/"],
  ["the /reader/ build", () => inject("subpathDistDir"), "/reader/"],
])("the Content-Security-Policy of %s", (_name, distDir, base) => {
  let pages: Page[];
  let header: string;
  beforeAll(async () => {
    pages = await readPages(distDir());
    const rules = parseHeadersFile(await readFile(join(distDir(), "_headers"), "utf8"));
    const all = rules.find((rule) => rule.path === `${base}*`);
    header = new Map(all?.headers).get("Content-Security-Policy") ?? "";
  });

  test("is in one <meta> on every page", () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(page.policies, page.file).toHaveLength(1);
  });

  test("allows by hash exactly the inline scripts and styles of its page, in the <meta>", () => {
    for (const { file, policies, scripts, styles } of pages) {
      const parsed = directives(policies[0]!);
      expect(hashesIn(parsed.get("script-src")), file).toEqual(scripts);
      expect(hashesIn(parsed.get("style-src")), file).toEqual(styles);
    }
    expect(pages.every((page) => page.styles.size > 0)).toBe(true);
  });

  test("allows by hash exactly the inline scripts and styles of all pages, in _headers", () => {
    const parsed = directives(header);
    expect(hashesIn(parsed.get("script-src"))).toEqual(
      new Set(pages.flatMap((page) => [...page.scripts])),
    );
    expect(hashesIn(parsed.get("style-src"))).toEqual(
      new Set(pages.flatMap((page) => [...page.styles])),
    );
  });

  test("is otherwise the same in _headers as in every <meta>, plus frame-ancestors 'none'", () => {
    expect(directives(header).get("frame-ancestors")).toEqual(["'none'"]);
    const headerRest = withoutHashes(withoutSearchAdditions(header)).filter(
      ([name]) => name !== "frame-ancestors",
    );
    for (const page of pages) {
      expect(withoutHashes(withoutSearchAdditions(page.policies[0]!)), page.file).toEqual(
        headerRest,
      );
      expect(page.policies[0]).not.toContain("frame-ancestors");
    }
  });

  test("adds Pagefind's needs to the search page's <meta> and the header, and to no other page", () => {
    const nonHash = (policy: string, name: string) =>
      directives(policy)
        .get(name)
        ?.filter((s) => !s.startsWith("'sha"));
    expect(pages.map((page) => page.file)).toContain(SEARCH_PAGE);
    for (const policy of [header, pages.find((page) => page.file === SEARCH_PAGE)!.policies[0]!]) {
      expect(nonHash(policy, "script-src")).toEqual(["'self'", ...searchAdditions["script-src"]]);
      // Pagefind searches on the page's thread, so no policy allows it a worker of its own.
      expect(directives(policy).has("worker-src")).toBe(false);
      expect(nonHash(policy, "connect-src")).toEqual(["'self'"]);
    }
    for (const page of pages.filter((page) => page.file !== SEARCH_PAGE)) {
      expect(nonHash(page.policies[0]!, "script-src"), page.file).toEqual(["'self'"]);
      expect(directives(page.policies[0]!).has("worker-src"), page.file).toBe(false);
    }
  });

  test("never allows inline code wholesale, and loads nothing from elsewhere by default", () => {
    for (const policy of [header, ...pages.map((page) => page.policies[0]!)]) {
      expect(policy).not.toMatch(/'unsafe-(inline|eval|hashes)'|'strict-dynamic'|\*/);
      const parsed = directives(policy);
      expect(parsed.get("default-src")).toEqual(["'none'"]);
      // 'wasm-unsafe-eval' compiles WebAssembly, not strings: checked in its own test above.
      expect(
        parsed
          .get("script-src")
          ?.filter((s) => !s.startsWith("'sha") && s !== "'wasm-unsafe-eval'"),
      ).toEqual(["'self'"]);
      expect(parsed.get("style-src")?.filter((s) => !s.startsWith("'sha"))).toEqual(["'self'"]);
      expect(parsed.get("base-uri")).toEqual(["'none'"]);
      expect(parsed.get("form-action")).toEqual(["'none'"]);
    }
  });

  test("has nothing it would have to block: no style or on* attributes, no javascript: URLs", () => {
    expect(pages.flatMap((page) => page.blocked)).toEqual([]);
  });
});

describe("_headers of the /reader/ build", () => {
  let rules: ReturnType<typeof parseHeadersFile>;
  beforeAll(async () => {
    rules = parseHeadersFile(await readFile(join(inject("subpathDistDir"), "_headers"), "utf8"));
  });

  test("sends HSTS, nosniff, a referrer policy and a permissions policy with everything", () => {
    const all = new Map(rules.find((rule) => rule.path === "/reader/*")?.headers);
    expect(all.get("Strict-Transport-Security")).toBe("max-age=63072000; includeSubDomains");
    expect(all.get("X-Content-Type-Options")).toBe("nosniff");
    expect(all.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(all.get("Permissions-Policy")).toMatch(/^camera=\(\), microphone=\(\)/);
  });

  test("caches Astro's hashed assets for ever and nothing else", () => {
    const immutable = rules.filter((rule) =>
      rule.headers.some(([name, value]) => name === "Cache-Control" && value.includes("immutable")),
    );
    expect(immutable.map((rule) => rule.path)).toEqual(["/reader/_astro/*"]);
  });
});

describe("the /reader/ build served with its _headers", () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(inject("subpathDistDir"), { base: subpathSite.BASE_PATH });
  });
  afterAll(() => server.close());

  test.each([
    [""],
    ["articles/2015-11-15/putin-goes-from-g-20-pariah-to-player-at-obama-turkey-talk/"],
    ["articles/2015-11-15/putin-goes-from-g-20-pariah-to-player-at-obama-turkey-talk/card.png"],
    ["rss.xml"],
    ["sitemap-index.xml"],
  ])("answers /reader/%s with one CSP and revalidation", async (path) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain(","); // One policy: no second rule joined its own.
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  test("serves the search page under a header that lets Pagefind compile its WebAssembly", async () => {
    const response = await fetch(`${server.url}search/`);
    expect(response.status).toBe(200);
    const csp = directives(response.headers.get("content-security-policy") ?? "");
    expect(csp.get("script-src")).toContain("'wasm-unsafe-eval'");
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(response.headers.get("content-security-policy")).not.toContain(",");
  });

  // The publishing build has articles of 2014, 2015 and 2016: a search bundle each.
  test.each(["2014", "2015", "2016"])(
    "serves the %s search bundle with one CSP and revalidation",
    async (year) => {
      for (const file of ["pagefind.js", "wasm.en.pagefind", "pagefind-entry.json"]) {
        const response = await fetch(`${server.url}pagefind/${year}/${file}`);
        expect(response.status, file).toBe(200);
        expect(response.headers.get("cache-control"), file).toBe(
          "public, max-age=0, must-revalidate",
        );
        expect(response.headers.get("content-security-policy"), file).toContain(
          "frame-ancestors 'none'",
        );
        expect(response.headers.get("content-security-policy"), file).not.toContain(",");
      }
    },
  );

  test.each(["pagefind-worker.js", "wasm.unknown.pagefind"])(
    "publishes no %s in any year's bundle: the search page never loads it",
    async (file) => {
      for (const folder of ["", "2014/", "2015/", "2016/"]) {
        expect((await fetch(`${server.url}pagefind/${folder}${file}`)).status).toBe(404);
      }
    },
  );

  test("answers a hashed asset path with immutable caching only", async () => {
    const response = await fetch(`${server.url}_astro/anything.css`);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });
});
