/*
 * The build benchmark: `npm run bench -- --articles N [--runs R]`.
 *
 * Writes N synthetic articles (fixed seed) into a temporary folder, builds
 * them with the real pipeline, and prints pages built, wall seconds, peak
 * memory, dist bytes, and milliseconds per article at the margin: the
 * difference from a one-article build made in the same run, divided by N − 1,
 * so start-up cost is not counted as per-article cost. Each figure is the
 * median of R runs. Removes everything it wrote.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs, promisify } from "node:util";
import { writeSyntheticArticles } from "./synthetic-articles.ts";

const projectRoot = resolve(import.meta.dirname, "../..");

/** What one build cost. */
interface BuildFigures {
  wallSeconds: number;
  maxRssBytes: number;
  pages: number;
  distBytes: number;
}

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    runs: { type: "string", default: "1" },
  },
});
const articles = Number(values.articles);
const runs = Number(values.runs);
if (!Number.isInteger(articles) || articles < 2)
  throw new Error("--articles takes a whole number of at least 2");
if (!Number.isInteger(runs) || runs < 1)
  throw new Error("--runs takes a whole number of at least 1");

// Inside the project, where Astro's intermediate server bundle can import
// packages: see tests/support/build.ts.
const benchesDir = join(projectRoot, "node_modules/.cache/broadsheet-bench");
await mkdir(benchesDir, { recursive: true });
const work = await mkdtemp(join(benchesDir, "run-"));
try {
  const baseline = await measure(work, "baseline", 1, runs);
  const full = await measure(work, "full", articles, runs);
  const marginMs = ((full.wallSeconds - baseline.wallSeconds) * 1000) / (articles - 1);

  console.log(`\nBroadsheet build benchmark: ${articles} articles, median of ${runs} run(s)\n`);
  console.table({
    [`1 article`]: row(baseline),
    [`${articles} articles`]: { ...row(full), "ms/article (margin)": marginMs.toFixed(2) },
  });
} finally {
  await rm(work, { recursive: true, force: true });
}

function row(figures: BuildFigures) {
  return {
    pages: figures.pages,
    "wall s": figures.wallSeconds.toFixed(2),
    "peak MiB": (figures.maxRssBytes / 2 ** 20).toFixed(0),
    "dist bytes": figures.distBytes,
  };
}

/** Builds `count` articles `runs` times, each from a cold cache, and returns the medians. */
async function measure(
  work: string,
  name: string,
  count: number,
  runs: number,
): Promise<BuildFigures> {
  const contentDir = join(work, `${name}-content`);
  await writeSyntheticArticles(contentDir, count);
  const results: BuildFigures[] = [];
  for (let run = 0; run < runs; run++) {
    // The build's working folder holds its output, so that Astro's
    // intermediate bundle goes there too and not to the project's .astro/.
    const buildDir = join(work, `${name}-build`);
    const outDir = join(buildDir, "dist");
    const cacheDir = join(buildDir, "cache");
    await rm(buildDir, { recursive: true, force: true });
    await mkdir(buildDir);
    const started = performance.now();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(projectRoot, "src/cli/measured-build.ts"), outDir],
      {
        cwd: buildDir,
        env: { ...process.env, CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: cacheDir },
        maxBuffer: 256 * 2 ** 20,
      },
    );
    const wallSeconds = (performance.now() - started) / 1000;
    const { maxRssBytes } = JSON.parse(stdout.trim().split("\n").at(-1)!) as {
      maxRssBytes: number;
    };
    const { pages, bytes } = await folderFigures(outDir);
    results.push({ wallSeconds, maxRssBytes, pages, distBytes: bytes });
    process.stderr.write(`  ${name}: run ${run + 1}/${runs}: ${wallSeconds.toFixed(2)} s\n`);
  }
  return {
    wallSeconds: median(results.map((r) => r.wallSeconds)),
    maxRssBytes: median(results.map((r) => r.maxRssBytes)),
    pages: results[0]!.pages,
    distBytes: results[0]!.distBytes,
  };
}

/** How many HTML pages a folder holds, and its total bytes. */
async function folderFigures(dir: string): Promise<{ pages: number; bytes: number }> {
  let pages = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    if (entry.name.endsWith(".html")) pages++;
  }
  return { pages, bytes };
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
