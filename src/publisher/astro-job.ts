import { spawn } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
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
  /** Pages it built, as its log said; 0 when it did not say. */
  pages: number;
}

const projectRoot = join(import.meta.dirname, "../..");
const astroProcess = join(import.meta.dirname, "astro-process.ts");

/**
 * Runs one job. Its log comes through line by line, each line headed with
 * the job's name when several run at once, and its block of routes made one
 * line (RouteLogFilter). `signal` stops it.
 */
export async function runAstroJob(
  job: AstroJob,
  {
    prefixed,
    signal,
    concurrency,
  }: {
    prefixed: boolean;
    signal: AbortSignal;
    concurrency: number;
  },
): Promise<JobResult> {
  const started = performance.now();
  const scopeFile = `${job.outDir}.scope.json`;
  const reportFile = `${job.outDir}.report.json`;
  if (job.scope) await writeFile(scopeFile, JSON.stringify(job.scope));
  // Piped, Astro would drop its colours: keep them for a terminal.
  const colour = process.stdout.isTTY ? { FORCE_COLOR: "1" } : {};
  const env = buildEnv({
    ...colour,
    ...process.env,
    ...job.env,
    ASTRO_CACHE_DIR: job.cacheDir,
    BROADSHEET_JOB_REPORT: reportFile,
  });
  if (job.scope) env[BUILD_SCOPE_VARIABLE] = scopeFile;
  else delete env[BUILD_SCOPE_VARIABLE];
  // V8 stops a process at its own heap limit (about 4 GiB here) whatever the
  // machine has; a job may use its share of the memory. Given that much, V8
  // lets a heap grow to four times what outlived its last full collection
  // before it collects again: the listings process of a first build of
  // 100,000 articles kept some 300 MB and peaked at 1.8 GB. Growing by a
  // fifth keeps its peak near what it holds: in a publish into 100,000, its
  // heap held 190 MiB and peaked at 820 to 840 MiB of memory, against 960 to
  // 980 growing by half, in the same time (by a tenth saved nothing more).
  // A part's heap follows its 1,000 articles, not the archive, and the
  // extra collections cost it time.
  const heapMiB = Math.floor((totalmem() / 2 ** 20 / concurrency) * 0.75);
  const heap = [`--max-old-space-size=${heapMiB}`];
  if (job.scope?.pages === "site") heap.push("--heap-growing-percent=20");
  const child = spawn(process.execPath, [...heap, astroProcess, job.outDir], {
    cwd: projectRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const head = prefixed ? `[${job.name}] ` : "";
  const relay = (
    stream: NodeJS.ReadableStream,
    out: NodeJS.WriteStream,
    filter?: RouteLogFilter,
  ) => {
    let pending = "";
    stream.setEncoding("utf8");
    const print = (text: string) => {
      if (text === "") return;
      out.write(text.replace(/^(?=.)/gm, head));
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
  const code = await new Promise<number>((done) => {
    child.on("error", () => done(1));
    child.on("close", (exit) => done(exit ?? 1));
  });
  signal.removeEventListener("abort", stop);
  const report = await readFile(reportFile, "utf8")
    .then((text) => JSON.parse(text) as { maxRssBytes: number })
    .catch(() => ({ maxRssBytes: 0 }));
  await rm(scopeFile, { force: true });
  await rm(reportFile, { force: true });
  return {
    name: job.name,
    code,
    seconds: (performance.now() - started) / 1000,
    maxRssBytes: report.maxRssBytes,
    pages,
  };
}

/**
 * Runs jobs, at most `concurrency` at a time, in order. When one fails the
 * others are stopped and no more start; the results say which did what.
 */
export async function runAstroJobs(
  jobs: readonly AstroJob[],
  concurrency: number,
  outer: AbortSignal,
): Promise<JobResult[]> {
  const stopping = new AbortController();
  const stop = () => stopping.abort();
  outer.addEventListener("abort", stop);
  const results: JobResult[] = [];
  let next = 0;
  // The processes take turns to sync their content (src/content/one-sync-at-a-time.ts).
  const worker = async () => {
    while (next < jobs.length && !stopping.signal.aborted) {
      const job = jobs[next++]!;
      const result = await runAstroJob(job, {
        prefixed: jobs.length > 1,
        signal: stopping.signal,
        concurrency,
      });
      results.push(result);
      if (result.code !== 0) stopping.abort();
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, worker),
  );
  outer.removeEventListener("abort", stop);
  return results;
}
