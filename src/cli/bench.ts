/*
 * The build benchmark: `npm run bench -- --articles N [--runs R] [--search-only | --memory]`.
 *
 * Writes N synthetic articles (fixed seed) into a temporary folder and builds
 * them with the real pipeline, three times per run, then publishes one more:
 * - first build: nothing cached, so every social card is drawn;
 * - rebuild: the cards come from their cache; everything else (the content
 *   layer's store, every page) is made afresh, as on a CI machine that keeps
 *   only the card cache;
 * - warm build (`--full`): every cache kept, so the pages whose inputs did
 *   not change are copied from Astro's cache (src/lib/page-cache.ts);
 * - publishing: one new article, then `npm run build`, which builds only
 *   what it touches.
 * It prints pages built, wall seconds, peak memory, dist bytes, and
 * milliseconds per article at the margin: the difference from a one-article
 * build of the same kind made in the same run, divided by N − 1, so start-up
 * cost is not counted as per-article cost. Each figure is the median of R
 * runs. Removes everything it wrote.
 *
 * Each run also builds the same articles with a bare Astro 7 site
 * (src/cli/bare-astro-site.ts) and prints our cost per article over its,
 * and per page (ours makes listing pages too; the bare site one page an
 * article): the two are measured in one run, side by side, because wall
 * times on a shared machine swing by a third from one run to the next.
 *
 * `--search-only` skips all of that but one first build of the N articles
 * (its wall seconds and peak memory are printed), for the search figures
 * below in a fraction of the time.
 *
 * Then, on the N-article build, the search: the index made again alone, in
 * place (its wall seconds and pages, in all and for each year's bundle, and
 * the bundles' bytes), and the bytes a reader's
 * first search downloads: the search page is served with its _headers and
 * opened in Chromium with a query, and every file it fetched is counted
 * gzip-compressed (level 6), as tests/support/page-weight.ts weighs pages.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs, promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { writeBareAstroSite } from "./bare-astro-site.ts";
import { buildEnv } from "./build-env.ts";
import { CHROMIUM_FLAGS, findChromium } from "./install-chromium.ts";
import { indexSite, SEARCH_BUNDLE_DIR, type SearchYearResult } from "../publishing/search-index.ts";
import { serveStatic } from "./serve-static.ts";
import { seededRandom, syntheticArticle, writeSyntheticArticles } from "./synthetic-articles.ts";
import type { BuildReport } from "./build/builds.ts";

const projectRoot = resolve(import.meta.dirname, "../..");

/** A query with many results in the synthetic corpus: a headline phrase and common body words. */
const SEARCH_QUERY = "ceasefire talks";

/** What one build cost. */
interface BuildFigures {
  wallSeconds: number;
  maxRssBytes: number;
  pages: number;
  distBytes: number;
}

/** The medians of the builds of one archive, and of the bare site's build. */
interface ArchiveFigures {
  first: BuildFigures;
  rebuild: BuildFigures;
  warm: BuildFigures;
  publish: BuildFigures;
  bare: BuildFigures;
}

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    runs: { type: "string", default: "1" },
    // Only what the search costs: one first build of N articles (no one-article
    // or bare-Astro builds, no rebuild), then the index and a first search.
    "search-only": { type: "boolean", default: false },
    // Only the memory: first builds of N / 4 and N articles, and the ratio
    // of their largest processes' peaks.
    memory: { type: "boolean", default: false },
    // Only scale: one first build of N articles and one publish into them,
    // each process's figures printed (for 10,000 and 100,000).
    "publish-only": { type: "boolean", default: false },
  },
});
const articles = Number(values.articles);
const runs = Number(values.runs);
if (!Number.isInteger(articles) || articles < 2) {
  throw new Error("--articles takes a whole number of at least 2");
}
if (!Number.isInteger(runs) || runs < 1)
  throw new Error("--runs takes a whole number of at least 1");

// Inside the project, where Astro's intermediate server bundle can import
// packages: see tests/support/build.ts.
const benchesDir = join(projectRoot, "node_modules/.cache/broadsheet-bench");
await mkdir(benchesDir, { recursive: true });
const work = await mkdtemp(join(benchesDir, "run-"));
const bareRoot = join(work, "bare-astro-site");
await writeBareAstroSite(bareRoot);
try {
  if (values["search-only"]) await benchSearchOnly();
  else if (values.memory) await benchMemory();
  else if (values["publish-only"]) await benchPublishOnly();
  else await benchAll();
} finally {
  await rm(work, { recursive: true, force: true });
}

/** The default bench: first builds, rebuilds and bare builds of 1 and N articles, then the search. */
async function benchAll(): Promise<void> {
  const baseline = await measureArchive(work, "baseline", 1);
  const full = await measureArchive(work, "full", articles);
  const margin = (kind: keyof ArchiveFigures) =>
    (((full[kind].wallSeconds - baseline[kind].wallSeconds) * 1000) / (articles - 1)).toFixed(2);

  const search = await measureSearch(join(work, "full-build", "dist"));

  console.log(`\nBroadsheet build benchmark: ${articles} articles, median of ${runs} run(s)\n`);
  const overBare = (kind: keyof ArchiveFigures) =>
    `${(Number(margin(kind)) / Number(margin("bare"))).toFixed(2)}×`;
  // Per page as well: ours makes listing pages (days, months, topics and
  // people by year) besides each article's, the bare site one page an
  // article, so this says how much of the difference is the number of pages.
  const marginPerPage = (kind: keyof ArchiveFigures) =>
    ((full[kind].wallSeconds - baseline[kind].wallSeconds) * 1000) /
    (full[kind].pages - baseline[kind].pages);
  const perPage = (kind: keyof ArchiveFigures) => ({
    "ms/page (margin)": marginPerPage(kind).toFixed(2),
    "over bare, per page": `${(marginPerPage(kind) / marginPerPage("bare")).toFixed(2)}×`,
  });
  console.table({
    "1 article, first build": row(baseline.first),
    "1 article, rebuild": row(baseline.rebuild),
    "1 article, warm build": row(baseline.warm),
    "1 article, bare Astro 7": row(baseline.bare),
    [`${articles} articles, first build`]: {
      ...row(full.first),
      "ms/article (margin)": margin("first"),
      "over bare": overBare("first"),
      ...perPage("first"),
    },
    [`${articles} articles, rebuild`]: {
      ...row(full.rebuild),
      "ms/article (margin)": margin("rebuild"),
      "over bare": overBare("rebuild"),
      ...perPage("rebuild"),
    },
    [`${articles} articles, warm build`]: {
      ...row(full.warm),
      "ms/article (margin)": margin("warm"),
      "over bare": overBare("warm"),
      ...perPage("warm"),
    },
    [`${articles} articles, bare Astro 7`]: {
      ...row(full.bare),
      "ms/article (margin)": margin("bare"),
      "ms/page (margin)": marginPerPage("bare").toFixed(2),
    },
  });
  const publishRatio = full.publish.wallSeconds / baseline.warm.wallSeconds;
  console.log(
    `\nPublishing one article (npm run build after adding it), beside a one-article site's warm build\n`,
  );
  console.table({
    "1-article site, warm build": row(baseline.warm),
    [`into ${articles} articles`]: {
      ...row(full.publish),
      "over the 1-article build": `${publishRatio.toFixed(2)}×`,
    },
  });
  printSearch(search);
}

/** `--search-only`: one first build of N articles, then the search, in a fraction of the time. */
async function benchSearchOnly(): Promise<void> {
  const contentDir = join(work, "full-content");
  const buildDir = join(work, "full-build");
  await writeSyntheticArticles(contentDir, articles);
  await mkdir(buildDir);
  const first = await build(buildDir, contentDir, join(buildDir, "cache"));
  const search = await measureSearch(join(buildDir, "dist"));
  console.log(`\nBroadsheet build benchmark: ${articles} articles, one first build\n`);
  console.table({ [`${articles} articles, first build`]: row(first) });
  printSearch(search);
}

/**
 * `--memory`: whether a build's memory stays flat as the archive grows. The
 * largest process of a first build of N / 4 articles and of N (each from
 * an empty cache), and the ratio.
 */
async function benchMemory(): Promise<void> {
  const sizes = [Math.max(1, Math.round(articles / 4)), articles];
  const figures: BuildFigures[] = [];
  for (const size of sizes) {
    const contentDir = join(work, `memory-${size}-content`);
    const buildDir = join(work, `memory-${size}-build`);
    await writeSyntheticArticles(contentDir, size);
    await mkdir(buildDir);
    figures.push(await build(buildDir, contentDir, join(buildDir, "cache")));
    await rm(buildDir, { recursive: true, force: true });
  }
  console.log(`\nBroadsheet build benchmark: peak memory of the largest process, first builds\n`);
  console.table(
    Object.fromEntries(sizes.map((size, index) => [`${size} articles`, row(figures[index]!)])),
  );
  const ratio = figures[1]!.maxRssBytes / figures[0]!.maxRssBytes;
  console.log(
    `${articles} articles over ${sizes[0]}: ${ratio.toFixed(2)}× (the issue's bound: 1.2×)`,
  );
}

/**
 * `--publish-only`: a first build of N articles and one article published
 * into them, process by process, beside a one-article site's warm build
 * (every cache kept, `--full`) made in the same run.
 */
async function benchPublishOnly(): Promise<void> {
  const oneContent = join(work, "one-content");
  const oneBuild = join(work, "one-build");
  await writeSyntheticArticles(oneContent, 1);
  await mkdir(oneBuild);
  await build(oneBuild, oneContent, join(oneBuild, "cache"));
  const oneWarm = await build(oneBuild, oneContent, join(oneBuild, "cache"));

  const contentDir = join(work, "scale-content");
  const buildDir = join(work, "scale-build");
  const cacheDir = join(buildDir, "cache");
  await writeSyntheticArticles(contentDir, articles);
  await mkdir(buildDir);
  const first = await build(buildDir, contentDir, cacheDir);
  const firstReport = await lastBuild(cacheDir);
  await publishOne(contentDir, articles);
  const publish = await build(buildDir, contentDir, cacheDir, projectRoot, []);
  const publishReport = await lastBuild(cacheDir);
  if (publishReport.kind !== "incremental") {
    throw new Error(
      `publishing one article made a ${publishReport.kind} build: ${publishReport.reason}`,
    );
  }
  console.log(
    `\nBroadsheet build benchmark: ${articles} articles, a first build and one publish\n`,
  );
  console.table({
    "1-article site, warm build": row(oneWarm),
    [`${articles} articles, first build`]: {
      ...row(first),
      "ms/article": ((first.wallSeconds * 1000) / articles).toFixed(2),
    },
    [`publishing one into ${articles}`]: {
      ...row(publish),
      "over the 1-article build": `${(publish.wallSeconds / oneWarm.wallSeconds).toFixed(2)}×`,
    },
  });
  for (const [name, report] of [
    ["first build", firstReport],
    ["publish", publishReport],
  ] as const) {
    console.log(
      `\n${name}: ${report.kind} (${report.reason}); joining and the site's files ` +
        `${report.joinSeconds.toFixed(1)} s, npm run build's own process peaking at ` +
        `${((report.ownMaxRssBytes ?? 0) / 2 ** 20).toFixed(0)} MiB`,
    );
    console.table(
      Object.fromEntries(
        report.jobs.map((job) => [
          job.name,
          {
            pages: job.pages,
            "wall s": job.seconds.toFixed(1),
            "peak MiB": (job.maxRssBytes / 2 ** 20).toFixed(0),
          },
        ]),
      ),
    );
  }
}

function printSearch(search: SearchFigures): void {
  console.log(`\nSearch, ${articles} articles (query “${SEARCH_QUERY}”)\n`);
  console.table(
    Object.fromEntries(
      Object.entries(search.years).map(([year, figures]) => [
        `index ${year}`,
        { pages: figures.pages, "wall s": figures.seconds.toFixed(2) },
      ]),
    ),
  );
  console.table({
    "index build": {
      pages: search.pages,
      "wall s": search.indexSeconds.toFixed(2),
      bytes: search.bundleBytes,
    },
    "first search": {
      files: search.files.length,
      "bytes gzip": search.firstSearchBytes,
      results: search.results,
    },
  });
  console.log(`First search fetched: ${search.files.join(", ")}`);
}

function row(figures: BuildFigures) {
  return {
    pages: figures.pages,
    "wall s": figures.wallSeconds.toFixed(2),
    "peak MiB, largest process": (figures.maxRssBytes / 2 ** 20).toFixed(0),
    "dist bytes": figures.distBytes,
  };
}

/**
 * Builds `count` articles `runs` times: a first build; a rebuild with only
 * the cards kept (a CI machine that keeps nothing else); a warm build with
 * every cache kept (`--full`); and publishing: one new article, then
 * `npm run build`, which builds only what it touches.
 */
async function measureArchive(work: string, name: string, count: number): Promise<ArchiveFigures> {
  const contentDir = join(work, `${name}-content`);
  await writeSyntheticArticles(contentDir, count);
  const firsts: BuildFigures[] = [];
  const rebuilds: BuildFigures[] = [];
  const warms: BuildFigures[] = [];
  const publishes: BuildFigures[] = [];
  const bares: BuildFigures[] = [];
  for (let run = 1; run <= runs; run++) {
    const buildDir = join(work, `${name}-build`);
    const cacheDir = join(buildDir, "cache");
    await rm(buildDir, { recursive: true, force: true });
    await mkdir(buildDir);
    firsts.push(await build(buildDir, contentDir, cacheDir));
    // Keep only the drawn cards: the rebuild renders everything else again.
    for (const entry of await readdir(cacheDir)) {
      if (entry !== "social-cards")
        await rm(join(cacheDir, entry), { recursive: true, force: true });
    }
    rebuilds.push(await build(buildDir, contentDir, cacheDir));
    warms.push(await build(buildDir, contentDir, cacheDir));
    const published = await publishOne(contentDir, count);
    publishes.push(await build(buildDir, contentDir, cacheDir, projectRoot, []));
    const report = await lastBuild(cacheDir);
    if (report.kind !== "incremental") {
      throw new Error(`publishing one article made a ${report.kind} build: ${report.reason}`);
    }
    await rm(published);
    await rm(cacheDir, { recursive: true, force: true });
    // In a folder of its own, so that the search is measured on our build.
    const bareDir = join(work, `${name}-bare-build`);
    await rm(bareDir, { recursive: true, force: true });
    await mkdir(bareDir);
    bares.push(await build(bareDir, contentDir, join(bareDir, "cache"), bareRoot));
    const seconds = (list: BuildFigures[]) => list.at(-1)!.wallSeconds.toFixed(2);
    process.stderr.write(
      `  ${name}, run ${run}/${runs}: first ${seconds(firsts)} s, rebuild ${seconds(rebuilds)} s, ` +
        `warm ${seconds(warms)} s, publish ${seconds(publishes)} s, bare Astro ${seconds(bares)} s\n`,
    );
  }
  return {
    first: medians(firsts),
    rebuild: medians(rebuilds),
    warm: medians(warms),
    publish: medians(publishes),
    bare: medians(bares),
  };
}

/**
 * One build in child processes of their own, so its memory is measured
 * alone: ours is `npm run build` (src/cli/build.ts, which reports the peak
 * memory of each of its processes; the largest is the figure), the bare
 * site's one `astro build`. `args` go to ours (`--full`).
 */
async function build(
  buildDir: string,
  contentDir: string,
  cacheDir: string,
  root = projectRoot,
  args: readonly string[] = ["--full"],
): Promise<BuildFigures> {
  const outDir = join(buildDir, "dist");
  const ours = root === projectRoot;
  if (!ours) await rm(outDir, { recursive: true, force: true });
  const started = performance.now();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ours
      ? [join(projectRoot, "src/cli/build.ts"), "--outDir", outDir, ...args]
      : [join(projectRoot, "src/cli/measured-build.ts"), outDir, root],
    {
      cwd: ours ? projectRoot : buildDir,
      // The environment `npm run build` gives Astro, so the figures are its.
      env: buildEnv({ ...process.env, CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: cacheDir }),
      maxBuffer: 256 * 2 ** 20,
    },
  );
  const wallSeconds = (performance.now() - started) / 1000;
  const maxRssBytes = ours
    ? largestProcess(await lastBuild(cacheDir))
    : (JSON.parse(stdout.trim().split("\n").at(-1)!) as { maxRssBytes: number }).maxRssBytes;
  return { wallSeconds, maxRssBytes, ...(await folderFigures(outDir)) };
}

/** The peak memory of the largest of a build's processes, `npm run build`'s own included. */
function largestProcess(report: BuildReport): number {
  return Math.max(...report.jobs.map((job) => job.maxRssBytes), report.ownMaxRssBytes ?? 0);
}

/** What `npm run build` said of its last build (src/cli/build.ts). */
async function lastBuild(cacheDir: string): Promise<BuildReport> {
  return JSON.parse(await readFile(join(cacheDir, "last-build.json"), "utf8")) as BuildReport;
}

/** Adds one new article, the newest, to the synthetic archive in `contentDir`, as a newsroom publishes one. */
async function publishOne(contentDir: string, count: number): Promise<string> {
  const file = join(contentDir, "breaking.md");
  await writeFile(file, syntheticArticle(count, seededRandom(1), { from: "2026-11-30", days: 1 }));
  return file;
}

/** How many HTML pages a folder holds, and its total bytes. */
async function folderFigures(dir: string): Promise<{ pages: number; distBytes: number }> {
  let pages = 0;
  let distBytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    distBytes += (await stat(join(entry.parentPath, entry.name))).size;
    if (entry.name.endsWith(".html")) pages++;
  }
  return { pages, distBytes };
}

function medians(results: BuildFigures[]): BuildFigures {
  const median = (numbers: number[]) => {
    const sorted = [...numbers].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  return {
    wallSeconds: median(results.map((r) => r.wallSeconds)),
    maxRssBytes: median(results.map((r) => r.maxRssBytes)),
    pages: results[0]!.pages,
    distBytes: results[0]!.distBytes,
  };
}

/** What the search costs on one built archive. */
interface SearchFigures {
  pages: number;
  indexSeconds: number;
  /** Each year's bundle: its pages and wall seconds. */
  years: Record<string, SearchYearResult>;
  /** The search bundles (pagefind/) on disk. */
  bundleBytes: number;
  /** The files a first search fetched, as paths inside the build. */
  files: string[];
  /** Those files (the search page included), each gzip-compressed. */
  firstSearchBytes: number;
  /** The results the search page reported. */
  results: string;
}

/** Indexes `distDir` again, alone, and weighs a first search on it in Chromium. */
async function measureSearch(distDir: string): Promise<SearchFigures> {
  const { pages, seconds, years } = await indexSite(distDir);
  const bundleBytes = (await folderFigures(join(distDir, SEARCH_BUNDLE_DIR))).distBytes;

  const executablePath = findChromium();
  if (!executablePath) throw new Error("No Chromium: run `node src/cli/install-chromium.ts`.");
  const server = await serveStatic(distDir);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    const fetched = new Set<string>();
    const note = (url: string) => {
      if (url.startsWith(server.origin)) fetched.add(new URL(url).pathname);
    };
    page.on("request", (request) => note(request.url()));
    page.on("worker", (worker) => note(worker.url()));
    await page.goto(`${server.url}search/?q=${encodeURIComponent(SEARCH_QUERY)}`);
    const status = page.locator(".search-status").filter({ hasText: SEARCH_QUERY });
    await status.waitFor({ timeout: 120_000 });
    const results = (await status.textContent()) ?? "";
    const files = [...fetched].map((path) =>
      path.endsWith("/") ? `${path.slice(1)}index.html` : path.slice(1),
    );
    let firstSearchBytes = 0;
    for (const file of files)
      firstSearchBytes += gzipSync(await readFile(join(distDir, file))).length;
    return {
      pages,
      indexSeconds: seconds,
      years,
      bundleBytes,
      files: files.sort(),
      firstSearchBytes,
      results,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
