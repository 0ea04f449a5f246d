import { spawn, type ChildProcess } from "node:child_process";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { totalmem } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { BUILD_SCOPE_VARIABLE, type BuildScope } from "../lib/job-scope.ts";
import { buildEnv } from "./build-env.ts";
import { RouteLogFilter } from "./route-log.ts";

/** One `astro build` process of a build: what it makes, and where. */
export interface AstroJob {
  /** How the log names it: "site", "part 2 of 5". */
  name: string;
  /** What it makes; none for the whole site. */
  scope?: BuildScope;
  /**
   * Its output folder, inside the project: Astro keeps its server bundle in
   * the output folder when that is below the working folder (the project),
   * and in `<project>/.astro/` otherwise, where jobs side by side would
   * overwrite each other's.
   */
  outDir: string;
  /** Its content-layer cache, kept between builds. */
  cacheDir: string;
  /** Extra environment. */
  env?: NodeJS.ProcessEnv;
}

/** How a job ended. */
export interface JobResult {
  name: string;
  code: number;
  seconds: number;
  /** Peak resident memory of its process; 0 when it failed before saying. */
  maxRssBytes: number;
  /**
   * Whether its process collected garbage sooner than V8 would: the
   * listings process's heap policy (astro-process.ts).
   */
  collectsSooner: boolean;
  /** Pages it built, as its log said; 0 when it did not say. */
  pages: number;
}

const projectRoot = join(import.meta.dirname, "../..");
const astroProcess = join(import.meta.dirname, "astro-process.ts");

/** How a job's process is run. */
interface RunOptions {
  /** Whether its log lines are headed with its name: several run at once. */
  prefixed: boolean;
  signal: AbortSignal;
  /** How many processes run at once, which share the memory. */
  concurrency: number;
}

/**
 * A job's process, started before its scope is planned: Astro starts up on
 * one core while the publisher plans on the other, and the process waits
 * for the scope file before it syncs its content (`jobScopeWhenWritten`).
 */
export interface StartedJob {
  /** The job as started: every part of it but its scope. */
  job: Omit<AstroJob, "scope">;
  /**
   * Writes the scope, whole and at once, and waits for the job to end; its
   * log, held until now, comes through headed with its name when `prefixed`.
   */
  run(scope: BuildScope, prefixed: boolean): Promise<JobResult>;
  /** Stops the process if it still runs (unused, or when another job failed), and waits for it to end. */
  stop(): Promise<void>;
}

/**
 * Starts `job` ahead of its scope: see `StartedJob`. It is started as the
 * listings process, and its scope says whether it is that or a small site's
 * one process (`startListings`).
 */
export function startAstroJob(
  job: Omit<AstroJob, "scope">,
  options: Omit<RunOptions, "prefixed">,
): StartedJob {
  const spawned = spawnJob(job, { scoped: true, held: true }, { ...options, prefixed: false });
  return {
    job,
    async run(scope, prefixed) {
      spawned.release(prefixed);
      const draft = `${scopeFile(job)}.draft`;
      await writeFile(draft, JSON.stringify(scope));
      await rename(draft, scopeFile(job));
      return spawned.finished(performance.now());
    },
    async stop() {
      spawned.child.kill("SIGTERM");
      await spawned.finished(performance.now());
    },
  };
}

/**
 * Runs one job. Its log comes through line by line, each line headed with
 * the job's name when several run at once, and its block of routes made one
 * line (RouteLogFilter). `signal` stops it.
 */
export async function runAstroJob(job: AstroJob, options: RunOptions): Promise<JobResult> {
  const started = performance.now();
  if (job.scope) await writeFile(scopeFile(job), JSON.stringify(job.scope));
  return spawnJob(job, { scoped: job.scope !== undefined, held: false }, options).finished(started);
}

/** The file a job's process reads its scope from. */
function scopeFile(job: Omit<AstroJob, "scope">): string {
  return `${job.outDir}.scope.json`;
}

/**
 * Starts a job's process, given a scope file (`scoped`) or not, its log
 * `held` until `release` or not; `finished` waits
 * for it to end and tells its figures, its time counted from `since`.
 */
function spawnJob(
  job: Omit<AstroJob, "scope">,
  { scoped, held }: { scoped: boolean; held: boolean },
  { prefixed, signal, concurrency }: RunOptions,
): {
  child: ChildProcess;
  finished: (since: number) => Promise<JobResult>;
  /** Lets a held log through, headed or not. */
  release: (prefixed: boolean) => void;
} {
  const reportFile = `${job.outDir}.report.json`;
  // Piped, Astro would drop its colours: keep them for a terminal.
  const colour = process.stdout.isTTY ? { FORCE_COLOR: "1" } : {};
  const env = buildEnv({
    ...colour,
    ...process.env,
    ...job.env,
    ASTRO_CACHE_DIR: job.cacheDir,
    BROADSHEET_JOB_REPORT: reportFile,
  });
  if (scoped) env[BUILD_SCOPE_VARIABLE] = scopeFile(job);
  else delete env[BUILD_SCOPE_VARIABLE];
  // V8 stops a process at its own heap limit (about 4 GiB here) whatever the
  // machine has; a job may use its share of the memory. How soon it collects
  // is the process's own choice, once it knows its scope (astro-process.ts).
  const heapMiB = Math.floor((totalmem() / 2 ** 20 / concurrency) * 0.75);
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${heapMiB}`, astroProcess, job.outDir],
    {
      cwd: projectRoot,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const heading = (prefixed: boolean) => (prefixed ? `[${job.name}] ` : "");
  let head = heading(prefixed);
  // A process started ahead of its scope holds its log until it is run.
  let holding: [NodeJS.WriteStream, string][] | undefined = held ? [] : undefined;
  const relay = (
    stream: NodeJS.ReadableStream,
    out: NodeJS.WriteStream,
    filter?: RouteLogFilter,
  ) => {
    let pending = "";
    stream.setEncoding("utf8");
    const print = (text: string) => {
      if (text === "") return;
      if (holding) holding.push([out, text]);
      else out.write(text.replace(/^(?=.)/gm, head));
    };
    stream.on("data", (chunk: string) => {
      if (filter) return print(filter.write(chunk));
      pending += chunk;
      const end = pending.lastIndexOf("\n");
      if (end < 0) return;
      print(pending.slice(0, end + 1));
      pending = pending.slice(end + 1);
    });
    stream.on("end", () => print(filter ? filter.end() : pending));
  };
  const log = new RouteLogFilter();
  let pages = 0;
  child.stdout.on("data", (chunk: string) => {
    const built = /(\d+) page\(s\) built/.exec(stripVTControlCharacters(chunk));
    if (built) pages = Number(built[1]);
  });
  relay(child.stdout, process.stdout, log);
  relay(child.stderr, process.stderr);
  const stop = () => child.kill("SIGTERM");
  signal.addEventListener("abort", stop);
  const ended = new Promise<number>((done) => {
    child.on("error", () => done(1));
    child.on("close", (exit) => done(exit ?? 1));
  });
  const report = async (since: number): Promise<JobResult> => {
    const code = await ended;
    signal.removeEventListener("abort", stop);
    const { maxRssBytes, collectsSooner } = await readFile(reportFile, "utf8")
      .then((text) => JSON.parse(text) as { maxRssBytes: number; collectsSooner: boolean })
      .catch(() => ({ maxRssBytes: 0, collectsSooner: false }));
    await rm(scopeFile(job), { force: true });
    await rm(reportFile, { force: true });
    return {
      name: job.name,
      code,
      seconds: (performance.now() - since) / 1000,
      maxRssBytes,
      collectsSooner,
      pages,
    };
  };
  // Once a process: a process started ahead is waited for by its run and
  // then by a stop (another job's failure, publish's clean-up), which
  // would otherwise race to read and remove its report.
  let result: Promise<JobResult> | undefined;
  const finished = (since: number) => (result ??= report(since));
  const release = (prefixed: boolean) => {
    head = heading(prefixed);
    const lines = holding ?? [];
    holding = undefined;
    for (const [out, text] of lines) out.write(text.replace(/^(?=.)/gm, head));
  };
  return { child, finished, release };
}

/**
 * Runs jobs, at most `concurrency` at a time, in order; `early`, when given,
 * is the first job's process, already started; `ended` hears of each job
 * that ends well, by its position, as it ends. When one fails the others
 * are stopped and no more start; the results say which did what.
 */
export async function runAstroJobs(
  jobs: readonly AstroJob[],
  concurrency: number,
  outer: AbortSignal,
  early?: StartedJob,
  ended?: (index: number) => void,
): Promise<JobResult[]> {
  const stopping = new AbortController();
  const stop = () => stopping.abort();
  outer.addEventListener("abort", stop);
  const results: JobResult[] = [];
  let next = 0;
  // A failure elsewhere stops the process started ahead too.
  stopping.signal.addEventListener("abort", () => void early?.stop(), { once: true });
  // The processes take turns to sync their content (src/content/one-sync-at-a-time.ts).
  const worker = async () => {
    while (next < jobs.length && !stopping.signal.aborted) {
      const index = next++;
      const job = jobs[index]!;
      const options = { prefixed: jobs.length > 1, signal: stopping.signal, concurrency };
      const result =
        early && job === jobs[0] && job.scope
          ? await early.run(job.scope, options.prefixed)
          : await runAstroJob(job, options);
      results.push(result);
      if (result.code !== 0) stopping.abort();
      else ended?.(index);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, worker),
  );
  outer.removeEventListener("abort", stop);
  return results;
}
