/*
 * Where a build's jobs run and what each is handed: its output and store
 * folders, its environment, and the listings process started before the
 * build is planned. All of it is known from the inputs and the work folder
 * alone, before the archive is read.
 */
import { availableParallelism, totalmem } from "node:os";
import { join } from "node:path";
import { startAstroJob, type AstroJob, type StartedJob } from "./astro-job.ts";
import { inputsDigest } from "./inputs.ts";
import { linkPictureCache, picturesDigest } from "./picture-cache.ts";
import { LISTINGS_JOB, type PlannedJob } from "./plan.ts";

/** Where a build's jobs run, which is known before it is planned. */
export interface JobPlace {
  /** The folder of the build's caches and manifest. */
  cacheRoot: string;
  /**
   * The jobs' work folder: their output folders and scope files, inside
   * the project, made for this build and removed after it.
   */
  work: string;
  signal: AbortSignal;
}

/**
 * Processes that run at once: one a core, as long as each can have 2 GiB
 * (a part of 1,000 articles peaks near 1 GiB, the card pool's threads
 * included).
 */
export const JOB_CONCURRENCY = Math.max(
  1,
  Math.min(availableParallelism(), Math.floor(totalmem() / 2 ** 31)),
);

/**
 * Starts the listings process before the build is planned, so that Astro
 * starts up (its code and our config, some 3 s of CPU) on one core while
 * the publisher reads the manifest, scans and plans on the other
 * (`StartedJob`). It is the job `planBuild` makes first whenever it makes
 * listings (`LISTINGS_JOB`; for a site small enough for one process, that
 * process). A plan without it stops it: `carryOut` does, and `publish` for
 * a build with nothing to do.
 */
export async function startListings(
  place: JobPlace,
  inputs: Record<string, string>,
  date: Date,
): Promise<StartedJob> {
  const job = jobProcess(place, storesFolder(place, inputs), LISTINGS_JOB, date);
  const pictures = join(place.cacheRoot, "pictures", picturesDigest(inputs), LISTINGS_JOB.cache);
  await linkPictureCache(job.cacheDir, pictures);
  return startAstroJob(job, { signal: place.signal, concurrency: JOB_CONCURRENCY });
}

/**
 * The folder of the content-layer stores for these inputs. The stores hold
 * rendered articles: kept under the digest of everything that shapes them,
 * the code included, so a change to a Markdown plugin never meets an
 * article rendered by the old one.
 */
export function storesFolder(place: JobPlace, inputs: Record<string, string>): string {
  return join(place.cacheRoot, "stores", inputsDigest(inputs).slice(0, 16));
}

/** A planned job: its process (`jobProcess`) and its scope. */
export function astroJob(place: JobPlace, stores: string, job: PlannedJob, date: Date): AstroJob {
  // The listings come from the archive as the publisher read it.
  const index =
    job.scope.pages === "site" ? { index: join(place.work, `${job.cache}.index.json`) } : {};
  return { ...jobProcess(place, stores, job, date), scope: { ...job.scope, ...index } };
}

/**
 * A job's process, given its folders (its output in the work folder, its
 * store in `stores`) and the build's date, which it is handed whether or
 * not SOURCE_DATE_EPOCH was set, so that no process reads a clock of its own.
 */
function jobProcess(
  place: JobPlace,
  stores: string,
  { name, cache }: Pick<PlannedJob, "name" | "cache">,
  date: Date,
): Omit<AstroJob, "scope"> {
  return {
    name,
    outDir: join(place.work, cache),
    cacheDir: join(stores, cache),
    // One cache of social cards for every job, so a card drawn by one part
    // is there for any other.
    env: {
      CARD_CACHE_DIR: join(place.cacheRoot, "social-cards"),
      SOURCE_DATE_EPOCH: String(date.getTime() / 1000),
    },
  };
}
