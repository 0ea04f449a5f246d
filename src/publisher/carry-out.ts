import { readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { SiteSize } from "../lib/host-limits.ts";
import { articleOfKey, pageKey, searchYearOfKey } from "../lib/page-keys.ts";
import { articleRoutePath } from "../lib/site-urls.ts";
import { countChanges, type SiteChanges } from "../lib/site-changes.ts";
import { resolveDeployment } from "../publishing/deployment.ts";
import type { PageHeadFacts } from "../publishing/html-files.ts";
import type { SearchYearResult } from "../publishing/search-index.ts";
import { writeSiteFiles, type SiteFilesSummary } from "../publishing/site-files.ts";
import { runAstroJobs, type AstroJob, type JobResult, type StartedJob } from "./astro-job.ts";
import { ASSETS_DIR, joinAsTheyEnd, joinOutputs, linkShard } from "./join.ts";
import { keepPages, stageManifest, type ArticleRecord } from "./manifest.ts";
import { carriedFiles, outputChanges } from "./output-changes.ts";
import { catchUp, linkTree, listFiles, removeFiles } from "./output-tree.ts";
import { astroJob, JOB_CONCURRENCY, storesFolder, type JobPlace } from "./job-places.ts";
import { linkPictureCache, picturesDigest, removeOtherPictureCaches } from "./picture-cache.ts";
import { pictureFilesOfArticles, unusedPictureFiles } from "./picture-files.ts";
import { writeArchiveIndex } from "./archive-files.ts";
import type { Plan } from "./plan.ts";
import { searchAhead } from "./search-ahead.ts";
import { writeShardRecord } from "./shards.ts";
import { inNextDir, twinOf, type RetiredSite } from "./swap.ts";

/** Where a build reads and writes, and how it may divide its work. */
export interface BuildPlace extends JobPlace {
  /** The output folder, absolute. */
  target: string;
  manifestPath: string;
  /** The site the last build swapped out, as its manifest keeps it. */
  retired?: RetiredSite | undefined;
}

/** What a build did, for its log and for the benchmark. */
export interface BuildReport {
  kind: Plan["kind"] | "up to date";
  reason: string;
  jobs: JobResult[];
  siteFiles?: SiteFilesSummary;
  /** The years of the search index made while the jobs ran (search-ahead.ts), and what each took. */
  searchAhead?: Record<string, SearchYearResult>;
  /** Seconds spent joining the jobs' output and writing the site's files. */
  joinSeconds: number;
  /** Peak resident memory of `npm run build`'s own process, which joins the jobs' output and writes the site's files. */
  ownMaxRssBytes?: number;
  /** The output's files and bytes. */
  size: SiteSize;
  /** How many files the build added, changed and removed (folders removed whole count once). */
  changes: Record<keyof SiteChanges, number>;
}

/** A build that stopped: its message is for the log, the jobs have printed the rest. */
export class BuildFailure extends Error {}

/**
 * Carries out a plan (plan.ts) in a new folder beside the output: runs its
 * jobs; starts from the last output's files (as hard links) when the plan
 * carries it over, less the pages the jobs make again; takes the jobs'
 * pages and the shards' in; writes the site's files or the shard's record,
 * and the manifest; and puts the new folder in place of the output. `date`
 * is the build's (`buildDate`), which the news sitemap is made for.
 */
export async function carryOut(
  place: BuildPlace,
  plan: Plan,
  inputs: Record<string, string>,
  date: Date,
  early?: StartedJob,
): Promise<BuildReport> {
  // The pictures Astro made, under the digest of what shapes them alone (picture-cache.ts).
  const pictureCaches = join(place.cacheRoot, "pictures");
  const pictures = picturesDigest(inputs);
  const stores = storesFolder(place, inputs);
  const jobs = plan.jobs.map((job) => astroJob(place, stores, job, date));
  // The process started ahead serves if the plan's first job is the one it was started for.
  const startedFirst = early && jobs[0]?.outDir === early.job.outDir ? early : undefined;
  if (early && !startedFirst) await early.stop();
  return inNextDir(place, plan.carryOver, async ({ next, since, retired }) => {
    for (const { scope } of jobs) {
      if (scope?.pages === "site" && scope.index) await writeArchiveIndex(scope.index, plan.files);
    }
    for (const [index, job] of jobs.entries()) {
      await linkPictureCache(job.cacheDir, join(pictureCaches, pictures, plan.jobs[index]!.cache));
    }
    const outputs = plan.jobs.map(({ scope }, index) => ({
      dir: jobs[index]!.outDir,
      whole: scope.pages !== "articles",
    }));
    // A first build in parts joins each job's pages as it ends, and indexes
    // each year for search once its pages are in, while the later parts run.
    const joining = joinsEarly(plan) ? joinAsTheyEnd(next, outputs) : undefined;
    const ahead = joining && searchAhead(next, plan);
    const ended = joining && ahead && ((index: number) => ahead.ended(index, joining.ended(index)));
    // The carried-over files are listed while the jobs run: a walk of
    // 20,000 files takes most of a second, which the joining would wait for.
    const [results, carried] = await Promise.all([
      runJobs(jobs, place.signal, startedFirst, ended),
      plan.carryOver
        ? (since ? catchUp(place.target, next, since) : linkTree(place.target, next)).then(() =>
            listFiles(next),
          )
        : undefined,
    ]).catch(async (error: unknown) => {
      await ahead?.stop();
      await joining?.settled();
      throw error;
    });
    const started = performance.now();
    const { keys, remade: made } = plan;
    let kept: string[] | undefined;
    if (carried) {
      warnOfMovedArticles(plan);
      // Nothing carried over is written to: what changes is removed, then made anew.
      kept = await removeFiles(
        next,
        carried,
        (path) => made.has(pageKey(path)) && !path.startsWith(`${ASSETS_DIR}/`),
      );
    }
    const joined = joining ? await joining.all() : await joinOutputs(next, outputs);
    for (const dir of plan.shards) await linkShard(dir, next);
    const written = new Set(joined);
    const pictureFiles = await pictureFilesOfArticles(
      next,
      plan.files.map(({ path, pictures }) => ({
        path,
        pictures: (pictures?.length ?? 0) > 0,
        keys: keys[path] ?? [],
        recorded: plan.keptPictureFiles?.[path],
      })),
      (page) => !carried || written.has(page),
    );
    // The pictures no article shows: those of articles changed or gone, and
    // a listings process's copy of a picture it bundled but showed on no
    // page it made (a topic's feed it did not make again).
    const present = kept ? [...new Set([...kept, ...joined])] : await assetFiles(next);
    const unused = unusedPictureFiles(present, pictureFiles);
    const remaining = await removeFiles(next, present, (path) => unused.has(path));
    const moved = joined.filter((path) => !unused.has(path));
    // Every file of the new site, when it is the carried-over files and the jobs' alone.
    const files = kept && remaining.sort();
    let siteFiles: SiteFilesSummary | undefined;
    await ahead?.finish();
    const indexedAhead = ahead?.indexed(joined);
    // What every page's head said: the manifest's to keep, not the report's
    // (at 100,000 articles, 67 MB of JSON).
    let heads: PageHeadFacts[] = [];
    if (plan.shard) {
      await writeShardRecord(next, plan.shard.index, plan.shard.count, plan.files);
    } else {
      const searchYears = new Set([...made].flatMap((key) => searchYearOfKey(key) ?? []));
      // The heads of the pages carried over, as the last build read them.
      const knownHeads = new Map(
        (plan.keptHeads ?? [])
          .filter(({ path }) => !made.has(pageKey(path)))
          .map((facts) => [facts.path, facts]),
      );
      // Where the site is served, as astro.config.mjs reads it.
      ({ heads, ...siteFiles } = await writeSiteFiles(next, resolveDeployment(process.env), {
        assetsDir: ASSETS_DIR,
        date,
        ...(indexedAhead && { searchYears: indexedAhead.again }),
        ...(files && { searchYears, knownHeads, files }),
      }));
    }
    // What changed, for a deploy: a build that carried the last output over
    // compares only the files it wrote.
    const { changes, size } = await outputChanges(
      place.target,
      next,
      carried && files && plan.lastSize
        ? await carriedFiles(next, { carried, files, moved, siteFiles, size: plan.lastSize })
        : undefined,
    );
    const counted = countChanges(changes);
    // The site swapped out is worth starting from while it differs from this
    // one in fewer files than it has: bringing it up to date costs two steps a file.
    const keepsRetired =
      retired !== undefined && counted.added + counted.changed + counted.removed <= size.files / 2;
    place.signal.throwIfAborted();
    const articles = Object.fromEntries(
      plan.files.map(
        ({ path, digest, stamp, month, frontmatter, pictures }): [string, ArticleRecord] => [
          path,
          {
            digest,
            ...(stamp !== undefined && { stamp }),
            month,
            keys: keys[path] ?? [],
            ...(frontmatter && { frontmatter }),
            related: plan.relatedDigests[path] ?? "",
            ...(pictures && { pictures }),
            ...(pictureFiles.has(path) && { pictureFiles: pictureFiles.get(path)! }),
          },
        ],
      ),
    );
    await stageManifest(
      place.manifestPath,
      {
        inputs,
        articles,
        size,
        ...(siteFiles && {
          newsSitemapSpan: siteFiles.newsSitemap.span,
          pages: keepPages(heads),
        }),
        retired:
          retired && keepsRetired ? { ...retired, changes } : await twinOf(next, place.target),
      },
      next,
    );
    await removeOtherStores(stores);
    await removeOtherPictureCaches(pictureCaches, pictures);
    const report: BuildReport = {
      kind: plan.kind,
      reason: plan.reason,
      jobs: results,
      ...(siteFiles && { siteFiles }),
      ...(indexedAhead && { searchAhead: indexedAhead.years }),
      joinSeconds: (performance.now() - started) / 1000,
      size,
      changes: counted,
    };
    return { report, changes, keepsRetired };
  });
}

/**
 * Whether the plan's jobs are joined as each ends (join.ts): a build of the
 * whole site from nothing in several processes. One that carries the last
 * output over removes the pages its jobs make again before it takes theirs
 * in, and a merge links its shards in after.
 */
function joinsEarly(plan: Plan): boolean {
  return !plan.carryOver && !plan.shard && plan.shards.length === 0 && plan.jobs.length > 1;
}

/** The files of a site's `_astro/` folder, as paths in the site. */
async function assetFiles(site: string): Promise<string[]> {
  const names = await readdir(join(site, ASSETS_DIR)).catch(() => []);
  return names.map((name) => `${ASSETS_DIR}/${name}`);
}

/** Removes the stores kept for other code: they can never serve this code again. */
async function removeOtherStores(stores: string): Promise<void> {
  const [folder, kept] = [dirname(stores), basename(stores)];
  for (const name of await readdir(folder).catch(() => [])) {
    if (name !== kept) await rm(join(folder, name), { recursive: true, force: true });
  }
}

/**
 * Says which edited articles have a new URL (a new headline without a
 * pinned `slug`, a new date): links to the old one now get the 404 page.
 */
function warnOfMovedArticles(plan: Plan): void {
  const own = (list: readonly string[] | undefined) =>
    list?.map(articleOfKey).find((params) => params !== undefined);
  for (const [path, previous] of Object.entries(plan.previous)) {
    const was = own(previous);
    const now = own(plan.keys[path]);
    if (!was || !now) continue;
    const [before, after] = [articleRoutePath(was), articleRoutePath(now)];
    if (before === after) continue;
    const keep =
      was.date === now.date ? ` To keep it working, list it: \`formerSlugs: [${was.slug}]\`.` : "";
    console.warn(
      `${path}: its URL changed from ${before} to ${after}; links to the old one ` +
        `will find nothing.${keep}`,
    );
  }
}

async function runJobs(
  jobs: readonly AstroJob[],
  signal: AbortSignal,
  early: StartedJob | undefined,
  ended: ((index: number) => void) | undefined,
): Promise<JobResult[]> {
  const results = await runAstroJobs(jobs, JOB_CONCURRENCY, signal, early, ended);
  signal.throwIfAborted();
  const failed = results.find(({ code }) => code !== 0);
  if (failed) throw new BuildFailure(`${failed.name} failed`);
  return results;
}
