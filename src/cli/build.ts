/**
 * `npm run build`: builds the site into a new folder beside `dist/` and puts
 * it in place of `dist/` only when the whole build succeeded, so a static
 * host that publishes `dist/` never gets half a site, and a failed build
 * leaves the last good one exactly as it was.
 *
 * Usage: node src/cli/build.ts [--outDir <dir>] [other `astro build` options]
 * The environment (CONTENT_DIR, SITE_URL, BASE_PATH, …) passes through.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildEnv } from "./build-env.ts";
import { RouteLogFilter } from "./route-log.ts";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const astro = join(projectRoot, "node_modules/astro/bin/astro.mjs");

/** Splits `--outDir <dir>` (or `--outDir=<dir>`) from the other arguments. */
function takeOutDir(args: readonly string[]): { outDir: string; rest: string[] } {
  const rest: string[] = [];
  let outDir = "dist";
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === "--outDir" && index + 1 < args.length) outDir = args[++index]!;
    else if (arg.startsWith("--outDir=")) outDir = arg.slice("--outDir=".length);
    else rest.push(arg);
  }
  return { outDir, rest };
}

/**
 * Runs `astro build` into `outDir`; resolves to its exit code. Its standard
 * output goes through `RouteLogFilter`, which makes the block of routes one
 * line; its errors come straight through.
 */
function astroBuild(outDir: string, args: readonly string[]): Promise<number> {
  // Piped, Astro would drop its colours: keep them for a terminal.
  const colour = process.stdout.isTTY ? { FORCE_COLOR: "1" } : {};
  const child = spawn(process.execPath, [astro, "build", "--outDir", outDir, ...args], {
    cwd: projectRoot,
    env: buildEnv({ ...colour, ...process.env }),
    stdio: ["inherit", "pipe", "inherit"],
  });
  const log = new RouteLogFilter();
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => process.stdout.write(log.write(chunk)));
  child.stdout.on("end", () => process.stdout.write(log.end()));
  // Ctrl-C reaches the child through the terminal; a `kill` from outside may not.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  return new Promise((done) => {
    child.on("error", () => done(1));
    child.on("close", (code) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      done(code ?? 1);
    });
  });
}

/**
 * Makes the empty folder the new site is built in, beside `target` and on the
 * same file system, so that the swap is a rename. Every kind of build makes its
 * output folder here. It is made by a plain mkdir, so it gets the mode the
 * user's umask gives any folder (0755 under 022), as do the folders Astro makes
 * in it; `mkdtemp` would make it 0700, and `dist/` would then be unreadable to
 * a web server running as another user, also once copied with `cp -a`.
 */
async function makeNextDir(target: string): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  for (;;) {
    const next = join(
      dirname(target),
      `.${basename(target)}-next-${randomBytes(6).toString("hex")}`,
    );
    try {
      await mkdir(next);
      return next;
    } catch (error) {
      // Another build's folder by that name, however unlikely: draw again.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/** Puts `next` where `target` is, keeping the old `target` until the new one is in place. */
async function swapIn(next: string, target: string): Promise<void> {
  const previous = `${next}-previous`;
  const hadTarget = await rename(target, previous).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return false;
      throw error;
    },
  );
  try {
    await rename(next, target);
  } catch (error) {
    if (hadTarget) await rename(previous, target);
    throw error;
  }
  if (hadTarget) await rm(previous, { recursive: true, force: true });
}

const { outDir, rest } = takeOutDir(process.argv.slice(2));
const target = resolve(projectRoot, outDir);
const next = await makeNextDir(target);

const code = await astroBuild(next, rest);
if (code === 0) {
  await swapIn(next, target);
  console.log(`\nThe new site is in ${outDir}/.`);
} else {
  await rm(next, { recursive: true, force: true });
  console.error(`\nThe build failed, so ${outDir}/ was left as it was.`);
  process.exitCode = code;
}
