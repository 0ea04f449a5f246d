import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import { buildDate } from "../lib/build-date.ts";
import { countChanges, NO_CHANGES } from "../lib/site-changes.ts";
import { scanArchive } from "./archive.ts";
import type { StartedJob } from "./astro-job.ts";
import { carryOut, type BuildPlace, type BuildReport } from "./carry-out.ts";
import { buildInputs, changedInputs } from "./inputs.ts";
import { startListings, type JobPlace } from "./job-places.ts";
import { readManifest } from "./manifest.ts";
import { writeChanges } from "./output-changes.ts";
import { planBuild, type BuildRequest } from "./plan.ts";
import { checkShards } from "./shards.ts";

/** What `npm run build` was asked for, with the folders it names. */
export interface PublishOptions {
  request: BuildRequest;
  projectRoot: string;
  /** The output folder, absolute. */
  target: string;
  /** The folder of the caches and manifests. */
  cacheRoot: string;
  /** The articles' folder, absolute. */
  contentDir: string;
  /** The most articles one process builds. */
  partSize: number;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
}

/**
 * Builds into `target`: scans the archive, reads the last build's manifest,
 * plans (plan.ts) and carries the plan out (carry-out.ts). Says in the log
 * what kind of build it is, and why.
 */
export async function publish(options: PublishOptions): Promise<BuildReport> {
  const { request, projectRoot, target, cacheRoot } = options;
  // Read once, here, in whole seconds: every file of the build stands for
  // this one moment, and every process is handed it as SOURCE_DATE_EPOCH.
  const date = new Date(Math.floor(buildDate(options.env).getTime() / 1000) * 1000);
  await mkdir(cacheRoot, { recursive: true });
  // One manifest for each output folder a project builds into.
  const manifestPath = join(
    cacheRoot,
    `build-manifest-${createHash("sha256").update(target).digest("hex").slice(0, 12)}.json`,
  );
  const inputs = await buildInputs(projectRoot, options.env);
  // The jobs' work folder. Inside the project, wherever the cache is: Astro
  // keeps a job's server bundle beside its output only when that is below
  // the working folder, and otherwise in the project's .astro/, where jobs
  // side by side delete each other's.
  const workRoot = isInside(projectRoot, cacheRoot)
    ? join(cacheRoot, "work")
    : join(projectRoot, "node_modules/.astro/work");
  await mkdir(workRoot, { recursive: true });
  const jobPlace: JobPlace = {
    work: await mkdtemp(join(workRoot, "build-")),
    cacheRoot,
    signal: options.signal,
  };
  let listings: StartedJob | undefined;
  try {
    // A shard makes no listings; any other build that makes pages makes
    // them first, and its process starts while the archive is read.
    if (request.kind !== "shard") listings = await startListings(jobPlace, inputs, date);
    const last = await readManifest(manifestPath, target);
    // The stories the last build read serve while the code that read them is the same.
    const known =
      "manifest" in last && changedInputs(last.manifest.inputs, inputs).length === 0
        ? last.manifest.articles
        : {};
    const place: BuildPlace = {
      ...jobPlace,
      target,
      manifestPath,
      ...("manifest" in last && { retired: last.manifest.retired }),
    };
    const files = await scanArchive(options.contentDir, known);
    if (request.kind === "merge") await checkShards(request.shards, files);
    const plan = planBuild(request, files, inputs, last, options.partSize, date);
    if (plan.kind === "up to date") {
      // Nothing changed since the last build, so a deploy has nothing to copy.
      await writeChanges(target, NO_CHANGES);
      return { ...plan, jobs: [], joinSeconds: 0, changes: countChanges(NO_CHANGES) };
    }
    console.log(`${describe(plan.kind)}: ${plan.reason}.`);
    return await carryOut(place, plan, inputs, date, listings);
  } finally {
    // The listings process started ahead, if no job ran it (stopping one that has ended does nothing).
    await listings?.stop();
    await rm(jobPlace.work, { recursive: true, force: true });
  }
}

function describe(kind: "full" | "incremental" | "shard" | "merge"): string {
  return {
    full: "A full build",
    incremental: "An incremental build",
    shard: "A shard",
    merge: "A merge",
  }[kind];
}

/** Whether `dir` is below `root`. */
function isInside(root: string, dir: string): boolean {
  const path = relative(root, dir);
  return path !== "" && !path.startsWith("..") && !isAbsolute(path);
}
