/*
 * `npm run audit`: Lighthouse (mobile settings, its defaults) on the built
 * front page and article page (and an article page with pictures, when the
 * archive has one), served from 127.0.0.1 the way a static host
 * serves them, in Debian's Chromium. Prints the four category scores of each
 * page and exits non-zero when any is under 100. Build first (`npm run audit`
 * does).
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { PAGE_FILE, pagePathOfFile, SECTIONS, withBase } from "../lib/site-urls.ts";
import { CHROMIUM_FLAGS, findChromium } from "./install-chromium.ts";
import { serveStatic } from "./serve-static.ts";

const projectRoot = resolve(import.meta.dirname, "../..");
const distDir = join(projectRoot, "dist");
const chromePath = findChromium();
if (!chromePath)
  throw new Error("No Chromium found: run `node src/cli/install-chromium.ts` first.");
const categories = ["performance", "accessibility", "best-practices", "seo"] as const;

/** The article pages in the build, as files inside it, in order. */
async function articlePages(): Promise<string[]> {
  const entries = await readdir(join(distDir, SECTIONS.articles), {
    recursive: true,
    withFileTypes: true,
  });
  const pages = entries
    .filter((entry) => entry.isFile() && entry.name === PAGE_FILE)
    .map((entry) => relative(distDir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
  if (pages.length === 0) throw new Error("No article page in dist/: run `npm run build` first.");
  return pages;
}

/**
 * The pages audited: the front page, the first article page and, when the
 * articles have pictures (CONTENT_DIR can name such an archive), the first
 * article page with a lead picture.
 */
async function pagesToAudit(): Promise<Record<string, string>> {
  const articles = await articlePages();
  const path = (file: string) => withBase("/", pagePathOfFile(file));
  const pages: Record<string, string> = { "front page": "/", "article page": path(articles[0]!) };
  for (const file of articles) {
    if ((await readFile(join(distDir, file), "utf8")).includes("<picture>")) {
      pages["article page with pictures"] = path(file);
      break;
    }
  }
  return pages;
}

const server = await serveStatic(distDir);
const userDataDir = await mkdtemp(join(tmpdir(), "broadsheet-lighthouse-"));
const chrome = await launch({
  chromePath,
  userDataDir,
  chromeFlags: CHROMIUM_FLAGS,
});

let failed = false;
try {
  const pages = await pagesToAudit();
  const rows: Record<string, Record<string, number>> = {};
  for (const [name, path] of Object.entries(pages)) {
    const result = await lighthouse(`${server.origin}${path}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...categories],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`);
    rows[name] = Object.fromEntries(
      categories.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
    );
    for (const id of categories) {
      const category = lhr.categories[id];
      if ((category?.score ?? 0) < 1) {
        failed = true;
        // Name what cost the points, so a score under 100 says what to fix.
        for (const ref of category?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
            const why = audit.explanation ?? audit.displayValue ?? "";
            console.log(`${name} · ${id}: ${audit.id} (${audit.score}): ${audit.title} ${why}`);
          }
        }
      }
    }
  }
  console.log(`\nLighthouse, mobile settings, ${server.origin}`);
  console.table(rows);
} finally {
  chrome.kill();
  await server.close();
  await rm(userDataDir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
