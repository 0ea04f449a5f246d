/*
 * The build benchmark: `npm run bench -- --articles N [--runs R] [--search-only | --memory | --publish-only | --pictures]`.
 *
 * Writes N synthetic articles (fixed seed) into a temporary folder and runs
 * what a newsroom runs on them, each with `npm run build` as a user runs it
 * and beside a bare Astro 7 site (src/cli/bare-astro-site.ts) doing the same
 * in the same run, because wall times on a shared machine swing by a third
 * from one run to the next (all.ts):
 * - first build: nothing cached, so every social card is drawn;
 * - publishing one: a new article, the newest, then `npm run build`;
 * - deleting one: that article removed, then `npm run build`;
 * - template change: an edit to src/styles/global.css (put back after),
 *   which makes every page again and keeps every card.
 * The bare site has no incremental build: it builds the whole archive each
 * time, from its content cache. Then a one-article site's build with its
 * caches, which publishing and deleting are measured against. It prints
 * pages, wall seconds, the peak memory of the largest process and dist
 * bytes, each the median of R runs. Removes everything it wrote.
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
 * `--publish-only` makes one first build, then publishes one article and
 * deletes it R times, each beside a one-article site's build, and prints
 * each build process by process (publish-only.ts).
 *
 * `--pictures` measures what pictures cost: first builds of the N articles
 * with a lead picture and a figure each and without, then publishing one
 * with pictures R times beside a one-article site with pictures (pictures.ts).
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
import { benchPictures } from "./pictures.ts";
import { benchPublishOnly } from "./publish-only.ts";
import { benchSearchOnly } from "./search-only.ts";

const modes: Record<BenchMode, (context: BenchContext) => Promise<void>> = {
  all: benchAll,
  "search-only": benchSearchOnly,
  memory: benchMemory,
  "publish-only": benchPublishOnly,
  pictures: benchPictures,
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
