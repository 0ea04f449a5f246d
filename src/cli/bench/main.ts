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
 * opened in Chromium with a query, then with the query narrowed to a topic
 * and sorted by date, and every file each fetched is counted
 * gzip-compressed (level 6), as tests/support/page-weight.ts weighs pages.
 *
 * The parts live in src/cli/bench/: one file a mode, the build measured in
 * measure-build.ts, the search probe in search.ts, medians in figures.ts.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeBareAstroSite } from "../bare-astro-site.ts";
import { benchAll } from "./all.ts";
import { projectRoot, type BenchContext } from "./context.ts";
import { benchMemory } from "./memory.ts";
import { parseBenchOptions, type BenchMode } from "./options.ts";
import { benchPublishOnly } from "./publish-only.ts";
import { benchSearchOnly } from "./search-only.ts";

const modes: Record<BenchMode, (context: BenchContext) => Promise<void>> = {
  all: benchAll,
  "search-only": benchSearchOnly,
  memory: benchMemory,
  "publish-only": benchPublishOnly,
};

const { articles, runs, mode } = parseBenchOptions(process.argv.slice(2));

// Inside the project, where Astro's intermediate server bundle can import
// packages: see tests/support/build.ts.
const benchesDir = join(projectRoot, "node_modules/.cache/broadsheet-bench");
await mkdir(benchesDir, { recursive: true });
const work = await mkdtemp(join(benchesDir, "run-"));
const bareRoot = join(work, "bare-astro-site");
await writeBareAstroSite(bareRoot);
try {
  await modes[mode]({ work, bareRoot, articles, runs });
} finally {
  await rm(work, { recursive: true, force: true });
}
