import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { makeWorkDir, projectRoot, runBuildCommand } from "../support/build";
import { crawl, type CrawlResult } from "../support/crawl";
import { subpathSite } from "../support/global-build";
import { prepareNginx, type Nginx, type NginxPrefix } from "../support/nginx";
import { newerArticles, writePublishingFixture } from "../support/publishing-fixture";
import { headersFor, parseHeadersFile, type HeaderRule } from "../../src/cli/serve-static";

const publicUrl = `${subpathSite.SITE_URL}${subpathSite.BASE_PATH}`;
const base = subpathSite.BASE_PATH;

let workDir: string;
let dist: string;
let prefix: NginxPrefix;
let nginx: Nginx;
let rules: HeaderRule[];
let crawled: CrawlResult;
/** A file of Astro's hashed assets folder, whose Cache-Control differs. */
let asset: string;
/** Every request the tests made here: "GET <path> → <status> [→ <Location>]". */
const seen: string[] = [];

/** Fetches a path from nginx without following redirects, and notes what came back. */
async function get(path: string): Promise<Response> {
  const response = await fetch(`${nginx.origin}${path}`, { redirect: "manual" });
  const location = response.headers.get("location");
  seen.push(`GET ${path} → ${response.status}${location ? ` → ${location}` : ""}`);
  return response;
}

beforeAll(async () => {
  // The publishing site, built by `npm run build`'s own script, as a user builds it.
  const contentDir = await mkdtemp(join(tmpdir(), "broadsheet-content-"));
  await writePublishingFixture(contentDir);
  workDir = await makeWorkDir();
  dist = join(workDir, "dist");
  const build = await runBuildCommand(dist, { ...subpathSite, CONTENT_DIR: contentDir });
  await rm(contentDir, { recursive: true, force: true });
  expect(build.exitCode, build.output).toBe(0);
  rules = parseHeadersFile(await readFile(join(dist, "_headers"), "utf8"));

  // Copied as a user copies it to the server: cp -a keeps the modes.
  prefix = await prepareNginx();
  await promisify(execFile)("cp", ["-a", dist, join(prefix.www, "reader")]);
  // The site inlines its CSS, so a build may have no _astro/ folder: then a
  // stand-in for a hashed asset, in the copy only, checks the immutable rule.
  const assets = await readdir(join(dist, "_astro")).catch(() => []);
  asset = assets[0] ?? "stand-in.Ab12Cd34.css";
  if (assets.length === 0) {
    await mkdir(join(prefix.www, "reader/_astro"));
    await writeFile(join(prefix.www, "reader/_astro", asset), "p{}\n");
  }
  nginx = await prefix.start();
  // The page at an article's former URL is linked from nowhere: its old links are elsewhere.
  crawled = await crawl(`${nginx.origin}${base}`, publicUrl, [
    "",
    "robots.txt",
    newerArticles.authored.formerPath,
  ]);
  console.log(
    `nginx (as ${nginx.user}) crawl of ${publicUrl}: ${crawled.pages.length} pages, ` +
      `${crawled.fetched.length} URLs fetched, ${crawled.references.length} links checked, ` +
      `${crawled.broken.length} broken`,
  );
}, 300_000);

afterAll(async () => {
  if (nginx) {
    const log = await nginx.accessLog();
    const byStatus = Object.groupBy(log, (line) => line.split(" ")[0]!);
    console.log(
      `nginx's access log: ${log.length} requests; by status: ` +
        Object.entries(byStatus)
          .map(([status, lines]) => `${status} × ${lines!.length}`)
          .join(", ") +
        `\nthe tests' own requests:\n${seen.join("\n")}`,
    );
    await mkdir(join(projectRoot, "tests/output"), { recursive: true });
    await writeFile(join(projectRoot, "tests/output/nginx-access.log"), `${log.join("\n")}\n`);
    await nginx.stop();
  }
  await prefix?.remove();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** The security headers of `_headers` (every header a rule under the base sets but Cache-Control). */
const securityHeaders = () =>
  Object.fromEntries(
    Object.entries(headersFor(rules, base)).filter(
      ([name]) => !["content-security-policy", "cache-control"].includes(name.toLowerCase()),
    ),
  );

/** Checks a response carries the documented headers: `_headers`' own, and CSP's frame-ancestors. */
function expectDocumentedHeaders(response: Response, cacheControl: string, what: string) {
  const security = securityHeaders();
  expect(Object.keys(security).sort(), "the headers _headers sets").toEqual([
    "Permissions-Policy",
    "Referrer-Policy",
    "Strict-Transport-Security",
    "X-Content-Type-Options",
  ]);
  for (const [name, value] of Object.entries(security)) {
    expect(response.headers.get(name), `${what}: ${name}`).toBe(value);
  }
  expect(response.headers.get("content-security-policy"), what).toBe("frame-ancestors 'none'");
  expect(headersFor(rules, base)["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
  expect(response.headers.get("cache-control"), `${what}: Cache-Control`).toBe(cacheControl);
}

describe("the /reader/ build, copied with cp -a and served by nginx with the configuration of docs/deploying.md", () => {
  test("has no broken link, asset, feed or sitemap URL, and no missing #fragment", () => {
    expect(crawled.broken).toEqual([]);
    expect(crawled.pages.length).toBeGreaterThan(50);
  });

  test("serves every file of the build: the crawl reaches them all with 200", async () => {
    const built = (await readdir(dist, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dist, join(entry.parentPath, entry.name)))
      .filter((file) => file !== "_headers" && file !== "404.html");
    // The search index is fetched by the search page's script, not linked.
    const linked = built
      .filter((file) => !file.startsWith("pagefind/"))
      .map((file) => new URL(file.replace(/(^|\/)index\.html$/, "$1"), publicUrl).href)
      .sort();
    expect(linked.length).toBeGreaterThan(100);
    expect(crawled.fetched).toEqual(linked);
    // What nginx itself logged for the crawl (the only requests under the base so far).
    const underBase = (await nginx.accessLog()).filter((line) =>
      line.split(" ")[1]!.startsWith(base),
    );
    expect(underBase.length).toBe(linked.length);
    expect(new Set(underBase.map((line) => line.split(" ")[0]))).toEqual(new Set(["200"]));
    // And every file of the search index answers too, as the script asks for it.
    const index = built.filter((file) => file.startsWith("pagefind/"));
    expect(index.length).toBeGreaterThan(5);
    for (const file of index) {
      const response = await fetch(`${nginx.origin}${base}${file}`);
      expect(response.status, file).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).length, file).toBeGreaterThan(0);
    }
  });

  test("sends the documented headers, on pages, assets, the feed and the 404 page", async () => {
    const article = crawled.pages.find((page) => page.includes("/articles/"))!;
    for (const [path, cache] of [
      [base, "public, max-age=0, must-revalidate"],
      [new URL(article).pathname, "public, max-age=0, must-revalidate"],
      [`${base}rss.xml`, "public, max-age=0, must-revalidate"],
      [`${base}_astro/${asset}`, "public, max-age=31536000, immutable"],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expectDocumentedHeaders(response, cache, path);
      // The cache rule is also the one _headers gives that path.
      expect(headersFor(rules, path)["Cache-Control"], path).toBe(cache);
    }
    const missing = await get(`${base}no-such-page/`);
    expectDocumentedHeaders(missing, "public, max-age=0, must-revalidate", "the 404 page");
  });

  test("answers unknown paths with the site's 404 page and status 404", async () => {
    const page = await readFile(join(dist, "404.html"), "utf8");
    for (const path of [
      `${base}no-such-page/`,
      `${base}no-such-page`,
      `${base}articles/2099-01-01/not-written-yet/`,
      `${base}_astro/missing.css`,
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type"), path).toMatch(/^text\/html/);
      expect(await response.text(), path).toBe(page);
    }
  });

  test("redirects every folder without its slash to the folder, with a relative Location", async () => {
    const folders = (await readdir(dist, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name === "index.html" && entry.parentPath !== dist)
      .map((entry) => `${base}${relative(dist, entry.parentPath)}`);
    expect(folders.filter((path) => path.includes("/articles/")).length).toBeGreaterThan(50);
    for (const path of folders) {
      const response = await get(path);
      expect(response.status, path).toBe(301);
      // Relative, and the same path with its slash (nginx percent-encodes it).
      const location = response.headers.get("location") ?? "";
      expect(location, path).toMatch(/^\/reader\//);
      expect(decodeURI(location), path).toBe(`${path}/`);
      expectDocumentedHeaders(response, "public, max-age=0, must-revalidate", path);
      expect((await get(`${path}/`)).status, `${path}/`).toBe(200);
    }
  });

  test("redirects the bare base path /reader to /reader/", async () => {
    const response = await get(base.slice(0, -1));
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe(base);
    expect((await get(base)).status).toBe(200);
  });

  test("leaves the rest of the host alone: paths outside /reader/ are not the site's", async () => {
    for (const path of ["/", "/index.html", "/rss.xml", "/readers/"]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});
