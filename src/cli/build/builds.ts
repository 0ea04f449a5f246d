import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, totalmem } from "node:os";
import { join, resolve } from "node:path";
import {
  archiveChanges,
  shardFiles,
  splitIntoParts,
  type ArchiveFile,
} from "../../lib/build-plan.ts";
import type { BuildScope } from "../../lib/build-scope.ts";
import { PAGE_RECIPE_VARIABLE } from "../../lib/page-cache.ts";
import { pageKey, SITE_KEY } from "../../lib/page-keys.ts";
import { resolveDeployment } from "../../publishing/deployment.ts";
import type { SearchBundleCache } from "../../publishing/search-index.ts";
import { writeSiteFiles, type SiteFilesReport } from "../../publishing/site-files.ts";
import { runAstroJobs, type AstroJob, type JobResult } from "./astro-job.ts";
import { ASSETS_DIR, articleId, joinOutputs, linkShard, readArticleKeys } from "./join.ts";
import {
  commitManifest,
  dropStagedManifest,
  stageManifest,
  type BuildManifest,
} from "./manifest.ts";
import { linkTree, removeFiles } from "../../publishing/output-tree.ts";
import { swapIn } from "../../publishing/swap-in.ts";
import { makeNextDir, removeRetired, retiredDir } from "./swap.ts";

/** Where a build reads and writes, and how it may divide its work. */
export interface BuildPlace {
  /** The output folder, absolute. */
  target: string;
  /** The folder of the build's caches and manifest. */
  cacheRoot: string;
  /** The folder of the jobs' output folders, inside the project. */
  workRoot: string;
  manifestPath: string;
  /** The articles' folder, absolute. */
  contentDir: string;
  /** The most articles one process builds. */
  partSize: number;
  signal: AbortSignal;
}

/** What a build did, for its log and for the benchmark. */
export interface BuildReport {
  kind: "full" | "incremental" | "up to date" | "shard" | "merge";
  reason: string;
  jobs: JobResult[];
  siteFiles?: SiteFilesReport;
  /** Seconds spent joining the jobs' output and writing the site's files. */
  joinSeconds: number;
  /** Peak resident memory of `npm run build`'s own process, which joins the jobs' output and writes the site's files. */
  ownMaxRssBytes?: number;
}

/** A build that stopped: its message is for the log, the jobs have printed the rest. */
export class BuildFailure extends Error {}

/**
 * Processes that run at once: one a core, as long as each can have 2 GiB
 * (a part of 1,000 articles peaks near 1 GiB, the card pool's threads
 * included).
 */
export const JOB_CONCURRENCY = Math.max(
  1,
  Math.min(availableParallelism(), Math.floor(totalmem() / 2 ** 31)),
);

/** Builds every page of the archive, from scratch but for the caches. */
export async function fullBuild(
  place: BuildPlace,
  files: readonly ArchiveFile[],
  inputs: Record<string, string>,
  reason: string,
): Promise<BuildReport> {
  return inNextDir(place, async (next, work) => {
    const keysFile = join(work, "keys.json");
    const parts = splitIntoParts(files, place.partSize);
    const jobs =
      parts.length <= 1
        ? [siteJob(place, work, { pages: "all", keysFile }, pageRecipe(inputs))]
        : [
            siteJob(place, work, { pages: "site", keysFile }, pageRecipe(inputs)),
            ...articleJobs(place, work, parts, "part", pageRecipe(inputs)),
          ];
    const results = await runJobs(jobs, place.signal);
    const started = performance.now();
    await joinOutputs(next, {
      site: jobs[0]!.outDir,
      articles: jobs.slice(1).map((job) => job.outDir),
    });
    const siteFiles = await writeSiteFiles(next, siteLocation(), {
      searchCache: searchCache(place, inputs),
    });
    await stage(place, next, files, inputs, await readArticleKeys(keysFile));
    return { kind: "full", reason, jobs: results, siteFiles, joinSeconds: seconds(started) };
  });
}

/**
 * Builds only what the articles changed since the last build touch: their
 * own pages and cards, the listings that show them or showed them, the
 * search index's years, and the pages that follow the whole archive. The
 * rest of the last build's output is carried over as hard links.
 */
export async function incrementalBuild(
  place: BuildPlace,
  files: readonly ArchiveFile[],
  inputs: Record<string, string>,
  manifest: BuildManifest,
): Promise<BuildReport> {
  const { changed, deleted } = archiveChanges(manifest.articles, files);
  const added = changed.filter(({ path }) => !manifest.articles[path]).length;
  const reason =
    `${added} new, ${changed.length - added} edited and ${deleted.length} deleted ` +
    `article file(s) since the last build`;
  if (changed.length === 0 && deleted.length === 0) {
    return {
      kind: "up to date",
      reason: "no article changed since the last build",
      jobs: [],
      joinSeconds: 0,
    };
  }
  console.log(`An incremental build: ${reason}.`);
  return inNextDir(place, async (next, work) => {
    const previousKeys = [...changed.map(({ path }) => path), ...deleted].flatMap(
      (path) => manifest.articles[path]?.keys ?? [],
    );
    const keysFile = join(work, "keys.json");
    const jobs = [
      // No recipe: these jobs make a few pages, and Astro would drop from its
      // cache every page a job does not make.
      siteJob(
        place,
        work,
        {
          pages: "site",
          changed: { ids: changed.map(({ path }) => articleId(path)), previousKeys },
          keysFile,
        },
        NO_PAGE_RECIPE,
      ),
      ...articleJobs(
        place,
        work,
        splitIntoParts(changed, place.partSize),
        "changes",
        NO_PAGE_RECIPE,
      ),
    ];
    const [results] = await Promise.all([
      runJobs(jobs, place.signal),
      linkTree(place.target, next),
    ]);
    const started = performance.now();
    const keys = await readArticleKeys(keysFile);
    warnOfMovedArticles(changed, manifest, keys);
    const dirty = new Set([
      SITE_KEY,
      ...previousKeys,
      ...changed.flatMap(({ path }) => keys[articleId(path)] ?? []),
    ]);
    // Nothing carried over is written to: what changes is removed, then made anew.
    await removeFiles(
      next,
      (path) => dirty.has(pageKey(path)) && !path.startsWith(`${ASSETS_DIR}/`),
    );
    await joinOutputs(next, {
      site: jobs[0]!.outDir,
      articles: jobs.slice(1).map((job) => job.outDir),
    });
    const years = new Set(
      [...dirty]
        .filter((key) => key.startsWith("search:"))
        .map((key) => key.slice("search:".length)),
    );
    const siteFiles = await writeSiteFiles(next, siteLocation(), {
      searchYears: years,
      searchCache: searchCache(place, inputs),
    });
    await stage(place, next, files, inputs, keys);
    return { kind: "incremental", reason, jobs: results, siteFiles, joinSeconds: seconds(started) };
  });
}

/**
 * Says which edited articles have a new URL (a new headline without a
 * pinned `slug`, a new date): links to the old one now get the 404 page.
 */
function warnOfMovedArticles(
  changed: readonly ArchiveFile[],
  manifest: BuildManifest,
  keys: Record<string, string[]>,
): void {
  const own = (list: readonly string[] | undefined) =>
    list?.find((key) => key.startsWith("article:"));
  for (const { path } of changed) {
    const before = own(manifest.articles[path]?.keys);
    const now = own(keys[articleId(path)]);
    if (!before || !now || before === now) continue;
    const [beforeDate, beforeSlug] = before.slice("article:".length).split("/");
    const [nowDate] = now.slice("article:".length).split("/");
    const url = (key: string) => `articles/${key.slice("article:".length)}/`;
    const keep =
      beforeDate === nowDate
        ? ` To keep it working, list it: \`formerSlugs: [${beforeSlug}]\`.`
        : "";
    console.warn(
      `${path}: its URL changed from ${url(before)} to ${url(now)}; links to the old one ` +
        `will find nothing.${keep}`,
    );
  }
}

/** What a shard's output says of itself, so that the merge can check it. */
interface ShardRecord {
  shard: number;
  of: number;
  files: Record<string, string>;
}

/** The file in a shard's output that describes it. */
const SHARD_RECORD = ".broadsheet-shard.json";

/** Builds the article pages and cards of shard `index` (from 1) of `count` into the output folder. */
export async function shardBuild(
  place: BuildPlace,
  all: readonly ArchiveFile[],
  inputs: Record<string, string>,
  index: number,
  count: number,
): Promise<BuildReport> {
  const files = shardFiles(all, index - 1, count);
  const reason = `shard ${index} of ${count}: ${files.length} of ${all.length} article files`;
  console.log(`A shard: ${reason}.`);
  return inNextDir(place, async (next, work) => {
    const jobs = articleJobs(
      place,
      work,
      splitIntoParts(files, place.partSize),
      "part",
      pageRecipe(inputs),
    );
    const results = await runJobs(jobs, place.signal);
    const started = performance.now();
    await joinOutputs(next, { articles: jobs.map((job) => job.outDir) });
    const record: ShardRecord = {
      shard: index,
      of: count,
      files: Object.fromEntries(files.map(({ path, digest }) => [path, digest])),
    };
    await writeFile(join(next, SHARD_RECORD), JSON.stringify(record));
    return { kind: "shard", reason, jobs: results, joinSeconds: seconds(started) };
  });
}

/**
 * Joins the shards' outputs into the output folder with the pages that
 * span the whole archive, after checking that together they are the
 * archive as it is here: every file in exactly one shard, with its bytes.
 */
export async function mergeBuild(
  place: BuildPlace,
  files: readonly ArchiveFile[],
  inputs: Record<string, string>,
  shardDirs: readonly string[],
): Promise<BuildReport> {
  const records = await Promise.all(
    shardDirs.map(async (dir) => {
      const text = await readFile(join(dir, SHARD_RECORD), "utf8").catch(() => {
        throw new BuildFailure(`${dir} is not a shard's output: it has no ${SHARD_RECORD}`);
      });
      return JSON.parse(text) as ShardRecord;
    }),
  );
  checkShards(records, shardDirs, files);
  return inNextDir(place, async (next, work) => {
    const keysFile = join(work, "keys.json");
    const jobs = [siteJob(place, work, { pages: "site", keysFile }, pageRecipe(inputs))];
    const results = await runJobs(jobs, place.signal);
    const started = performance.now();
    await joinOutputs(next, { site: jobs[0]!.outDir, articles: [] });
    for (const dir of shardDirs) await linkShard(dir, next);
    const siteFiles = await writeSiteFiles(next, siteLocation(), {
      searchCache: searchCache(place, inputs),
    });
    await stage(place, next, files, inputs, await readArticleKeys(keysFile));
    return {
      kind: "merge",
      reason: `${shardDirs.length} shards, ${files.length} article files`,
      jobs: results,
      siteFiles,
      joinSeconds: seconds(started),
    };
  });
}

function checkShards(
  records: readonly ShardRecord[],
  dirs: readonly string[],
  files: readonly ArchiveFile[],
) {
  const count = records.length;
  const seen = new Map<number, string>();
  records.forEach((record, index) => {
    const dir = dirs[index]!;
    if (record.of !== count) {
      throw new BuildFailure(
        `${dir} is shard ${record.shard} of ${record.of}, but ${count} shards were given`,
      );
    }
    const twin = seen.get(record.shard);
    if (twin) throw new BuildFailure(`${twin} and ${dir} are both shard ${record.shard}`);
    seen.set(record.shard, dir);
  });
  const built = new Map<string, string>();
  for (const record of records) {
    for (const [path, digest] of Object.entries(record.files)) built.set(path, digest);
  }
  const now = new Map(files.map(({ path, digest }) => [path, digest]));
  const stale = [...new Set([...built.keys(), ...now.keys()])]
    .filter((path) => built.get(path) !== now.get(path))
    .sort();
  if (stale.length > 0) {
    throw new BuildFailure(
      `the shards were not built from the articles here; these differ: ${stale.slice(0, 10).join(", ")}` +
        (stale.length > 10 ? ` and ${stale.length - 10} more` : ""),
    );
  }
}

/** The job that makes the listings and the pages that follow the whole archive (or, given "all", every page). */
function siteJob(place: BuildPlace, work: string, scope: BuildScope, recipe: string): AstroJob {
  return {
    name: "site",
    scope,
    outDir: join(work, "site"),
    cacheDir: join(place.cacheRoot, "site"),
    env: jobEnv(place, recipe),
  };
}

/** A job for each part's article pages; `kind` names their caches, kept from one build to the next. */
function articleJobs(
  place: BuildPlace,
  work: string,
  parts: readonly (readonly ArchiveFile[])[],
  kind: string,
  recipe: string,
): AstroJob[] {
  return parts.map((part, index) => ({
    name: `${kind} ${index + 1} of ${parts.length}`,
    scope: { pages: "articles", files: part.map(({ path }) => path) },
    outDir: join(work, `${kind}-${index + 1}`),
    cacheDir: join(place.cacheRoot, `${kind}-${index + 1}`),
    env: jobEnv(place, recipe),
  }));
}

/**
 * A job's environment: one cache of social cards for every job, so a card
 * drawn by one part is there for any other; and the recipe its pages are
 * kept under in Astro's cache (src/lib/page-cache.ts), or none.
 */
function jobEnv(place: BuildPlace, recipe: string): NodeJS.ProcessEnv {
  return {
    CARD_CACHE_DIR: join(place.cacheRoot, "social-cards"),
    [PAGE_RECIPE_VARIABLE]: recipe,
  };
}

/** Set in a job's environment, it overrides any recipe this process was given. */
const NO_PAGE_RECIPE = "";

/** The recipe of a full build's pages: a digest of its inputs. */
function pageRecipe(inputs: Record<string, string>): string {
  return createHash("sha256").update(inputsRecipe(inputs)).digest("hex");
}

/** The build's inputs as one text, in the order of their names. */
function inputsRecipe(inputs: Record<string, string>): string {
  return JSON.stringify(Object.entries(inputs).sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function runJobs(jobs: readonly AstroJob[], signal: AbortSignal): Promise<JobResult[]> {
  const results = await runAstroJobs(jobs, JOB_CONCURRENCY, signal);
  signal.throwIfAborted();
  const failed = results.find(({ code }) => code !== 0);
  if (failed) throw new BuildFailure(`${failed.name} failed`);
  return results;
}

/**
 * The search index's years kept from earlier builds: a year whose pages are
 * byte for byte the same, under the same inputs (code, packages, settings),
 * is copied rather than indexed again.
 */
function searchCache(place: BuildPlace, inputs: Record<string, string>): SearchBundleCache {
  return {
    dir: join(place.cacheRoot, "search"),
    recipe: inputsRecipe(inputs),
  };
}

/** Where the site is served, as astro.config.mjs reads it. */
function siteLocation() {
  const { site, base } = resolveDeployment(process.env);
  return { site, base, assetsDir: ASSETS_DIR };
}

async function stage(
  place: BuildPlace,
  next: string,
  files: readonly ArchiveFile[],
  inputs: Record<string, string>,
  keys: Record<string, string[]>,
): Promise<void> {
  place.signal.throwIfAborted();
  const articles = Object.fromEntries(
    files.map(({ path, digest }) => [path, { digest, keys: keys[articleId(path)] ?? [] }]),
  );
  await stageManifest(place.manifestPath, { inputs, articles }, next);
}

/**
 * Runs `build` on a new folder beside the output and a work folder in the
 * cache, and puts the new folder in place of the output when it succeeds,
 * keeping the old one beside it, hidden, for the next build to remove
 * (`retiredDir`). Meanwhile the sites that earlier builds kept go. Whatever
 * happens, the work folder goes, and so does the new folder unless it is in
 * place.
 */
async function inNextDir(
  place: BuildPlace,
  build: (next: string, work: string) => Promise<BuildReport>,
): Promise<BuildReport> {
  const next = await makeNextDir(place.target);
  const work = resolve(place.workRoot, next.slice(next.lastIndexOf("-") + 1));
  await mkdir(work, { recursive: true });
  // Removing files waits on the disk, making pages on the processor: side by side.
  const sweeping = removeRetired(place.target).catch((error: unknown) => {
    console.warn(`Could not remove an earlier build's site: ${String(error)}`);
  });
  try {
    const report = await build(next, work);
    place.signal.throwIfAborted();
    await swapIn(next, place.target, retiredDir(place.target), { keepPrevious: true });
    if (report.kind !== "shard") await commitManifest(place.manifestPath);
    return report;
  } catch (error) {
    await dropStagedManifest(place.manifestPath);
    throw error;
  } finally {
    await sweeping;
    await rm(next, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  }
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}
