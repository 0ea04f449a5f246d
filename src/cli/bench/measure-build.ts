import { execFile } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { buildEnv } from "../../publisher/build-env.ts";
import type { BuildReport } from "../../publisher/carry-out.ts";
import { drawSyntheticPictures, seededRandom, syntheticArticle } from "../synthetic-articles.ts";
import { projectRoot } from "./context.ts";
import { folderFigures, type BuildFigures } from "./figures.ts";

/**
 * One build in child processes of their own, so its memory is measured
 * alone: ours is `npm run build` (src/cli/build.ts, which reports the peak
 * memory of each of its processes; the largest is the figure), the bare
 * site's one `astro build`. `args` go to ours (`--full`).
 */
export async function measureBuild(
  buildDir: string,
  contentDir: string,
  cacheDir: string,
  root = projectRoot,
  args: readonly string[] = ["--full"],
): Promise<BuildFigures> {
  const outDir = join(buildDir, "dist");
  const ours = root === projectRoot;
  if (!ours) await rm(outDir, { recursive: true, force: true });
  const report = join(buildDir, "bare-build.json");
  const started = performance.now();
  await promisify(execFile)(
    process.execPath,
    ours
      ? [join(projectRoot, "src/cli/build.ts"), "--outDir", outDir, ...args]
      : [join(projectRoot, "src/publisher/astro-process.ts"), outDir, root],
    {
      cwd: ours ? projectRoot : buildDir,
      // The environment `npm run build` gives Astro, so the figures are its.
      env: buildEnv({
        ...process.env,
        CONTENT_DIR: contentDir,
        ASTRO_CACHE_DIR: cacheDir,
        BROADSHEET_JOB_REPORT: report,
      }),
      maxBuffer: 256 * 2 ** 20,
    },
  );
  const wallSeconds = (performance.now() - started) / 1000;
  const maxRssBytes = ours
    ? largestProcess(await lastBuild(cacheDir))
    : (JSON.parse(await readFile(report, "utf8")) as { maxRssBytes: number }).maxRssBytes;
  return { wallSeconds, maxRssBytes, ...(await folderFigures(outDir)) };
}

/** The peak memory of the largest of a build's processes, `npm run build`'s own included. */
function largestProcess(report: BuildReport): number {
  return Math.max(...report.jobs.map((job) => job.maxRssBytes), report.ownMaxRssBytes ?? 0);
}

/** What `npm run build` said of its last build (src/cli/build.ts). */
export async function lastBuild(cacheDir: string): Promise<BuildReport> {
  return JSON.parse(await readFile(join(cacheDir, "last-build.json"), "utf8")) as BuildReport;
}

/** The last build's report, which must be of `kind`: the bench stops when `what` made another kind of build. */
export async function lastBuildOfKind(
  cacheDir: string,
  what: string,
  kind: BuildReport["kind"],
): Promise<BuildReport> {
  const report = await lastBuild(cacheDir);
  if (report.kind !== kind) {
    throw new Error(`${what} made a ${report.kind} build, not ${kind}: ${report.reason}`);
  }
  return report;
}

/**
 * Adds one new article, the newest, to the synthetic archive of `count`
 * articles in `contentDir`, as a newsroom publishes one, with its pictures
 * when asked. Each `take` is another article, so that no cache holds its
 * page, card or pictures from the last. Returns the files it wrote.
 */
export async function publishOne(
  contentDir: string,
  count: number,
  take = 1,
  { pictures = false }: { pictures?: boolean } = {},
): Promise<string[]> {
  const file = join(contentDir, "breaking.md");
  const index = count + take - 1;
  await writeFile(
    file,
    syntheticArticle(index, seededRandom(take), { from: "2026-11-30", days: 1, pictures }),
  );
  return [file, ...(pictures ? await drawSyntheticPictures(contentDir, index) : [])];
}
