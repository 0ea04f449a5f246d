import { execFile, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify, stripVTControlCharacters } from "node:util";
import { buildEnv } from "../../src/publisher/build-env";

/** The project's root folder. */
export const projectRoot = resolve(import.meta.dirname, "../..");

/** Where test builds go: inside the project (see `buildSite`), and ignored by git. */
export const buildsDir = join(projectRoot, "node_modules/.cache/broadsheet-test-builds");

/** What a command printed, and how it ended. */
export interface RunResult {
  exitCode: number;
  output: string;
}

/** What a real `astro build` left behind. */
export interface BuildResult extends RunResult {
  /** The built site. */
  outDir: string;
  /** The build's own folder, holding `outDir`: remove it when done. */
  workDir: string;
}

/**
 * Runs a Node script with the project's Node, extra environment and the
 * content-layer cache given. Its output comes back as plain text: under
 * `CI=true` Astro colours its log, and the escape codes would sit between
 * the words the tests look for.
 */
export async function runNode(
  args: readonly string[],
  {
    cwd,
    cacheDir,
    env,
    keepCache = false,
  }: { cwd: string; cacheDir: string; env: Record<string, string>; keepCache?: boolean },
): Promise<RunResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, {
      cwd,
      // The environment a build's own processes get: without Vite's
      // `BASE_URL`, which Vitest puts in its workers' environment, and with
      // Node's compile cache, so the command starts as fast as they do.
      env: buildEnv({ ...process.env, ASTRO_CACHE_DIR: cacheDir, ...env }),
      maxBuffer: 64 * 1024 * 1024,
    });
    return { exitCode: 0, output: stripVTControlCharacters(stdout + stderr) };
  } catch (error) {
    const {
      code,
      stdout = "",
      stderr = "",
    } = error as { code?: number; stdout?: string; stderr?: string };
    return {
      exitCode: typeof code === "number" ? code : 1,
      output: stripVTControlCharacters(stdout + stderr),
    };
  } finally {
    if (!keepCache) await rm(cacheDir, { recursive: true, force: true });
  }
}

/** A new folder for one test build, inside the project. */
export async function makeWorkDir(): Promise<string> {
  await mkdir(buildsDir, { recursive: true });
  return mkdtemp(join(buildsDir, "build-"));
}

/**
 * Runs the real Astro CLI on the project into a fresh folder, with extra
 * environment (`CONTENT_DIR`, `TZ`, …), so that builds can run side by side.
 *
 * Each build runs in a working folder of its own that holds its output and
 * its content-layer cache: Astro writes its intermediate server bundle to
 * `<cwd>/.astro/` whenever the output folder is outside the working folder,
 * so two builds started from the project root would overwrite each other's.
 * The folder sits inside the project, where that bundle can import packages.
 */
export async function buildSite(env: Record<string, string> = {}): Promise<BuildResult> {
  const workDir = await makeWorkDir();
  const outDir = join(workDir, "dist");
  const astro = join(projectRoot, "node_modules/astro/bin/astro.mjs");
  const result = await runNode([astro, "build", "--root", projectRoot, "--outDir", outDir], {
    cwd: workDir,
    cacheDir: join(workDir, "cache"),
    env,
  });
  return { outDir, workDir, ...result };
}

/**
 * Runs `npm run build`'s script (src/cli/build.ts) into `outDir`, which must
 * be inside the project (a `makeWorkDir` folder), with extra environment and
 * arguments. Without a `cacheDir` it gets a fresh cache, removed after.
 */
export async function runBuildCommand(
  outDir: string,
  env: Record<string, string> = {},
  { args = [], cacheDir }: { args?: readonly string[]; cacheDir?: string } = {},
): Promise<RunResult> {
  await mkdir(buildsDir, { recursive: true });
  return runNode([join(projectRoot, "src/cli/build.ts"), "--outDir", outDir, ...args], {
    cwd: projectRoot,
    // A build given its cache keeps it, for the next build to start from.
    cacheDir: cacheDir ?? (await mkdtemp(join(buildsDir, "cache-"))),
    keepCache: cacheDir !== undefined,
    env,
  });
}

/** A build command caught while Astro writes its pages. */
export interface BuildInFlight {
  /** What it printed so far. */
  output: string;
  /**
   * Sends `signal` to the command, or with `group` to it and every process
   * it started, as a CI runner's cancel or a machine's end does; resolves
   * with its exit code once it has ended.
   */
  stop(signal: NodeJS.Signals, options?: { group?: boolean }): Promise<number | null>;
}

/**
 * Starts `npm run build`'s script into `outDir`, as `runBuildCommand` does,
 * and resolves once Astro has begun writing pages: halfway through, for a
 * test to stop it there.
 */
export async function startBuildCommand(
  outDir: string,
  env: Record<string, string>,
): Promise<BuildInFlight> {
  // Its own process group, so that a stop can reach the processes it starts.
  const child = spawn(process.execPath, ["src/cli/build.ts", "--outDir", outDir], {
    cwd: projectRoot,
    env: buildEnv({ ...process.env, ...env }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const exited = new Promise<number | null>((done) => child.on("close", done));
  const build: BuildInFlight = {
    output: "",
    stop(signal, { group = false } = {}) {
      process.kill(group ? -child.pid! : child.pid!, signal);
      return exited;
    },
  };
  await new Promise<void>((started, failed) => {
    const listen = (chunk: Buffer) => {
      build.output += String(chunk);
      if (build.output.includes("generating static routes")) started();
    };
    child.stdout.on("data", listen);
    child.stderr.on("data", listen);
    void exited.then((code) => failed(new Error(`The build ended (${code}):\n${build.output}`)));
  });
  return build;
}
