import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

/** The project's root folder. */
export const projectRoot = resolve(import.meta.dirname, "../..");

/** Where test builds go: inside the project (see `buildSite`), and ignored by git. */
const buildsDir = join(projectRoot, "node_modules/.cache/broadsheet-test-builds");

/** What a real `astro build` left behind. */
export interface BuildResult {
  /** The built site. */
  outDir: string;
  /** The build's own folder, holding `outDir`: remove it when done. */
  workDir: string;
  exitCode: number;
  output: string;
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
  await mkdir(buildsDir, { recursive: true });
  const workDir = await mkdtemp(join(buildsDir, "build-"));
  const outDir = join(workDir, "dist");
  const cacheDir = join(workDir, "cache");
  const astro = join(projectRoot, "node_modules/astro/bin/astro.mjs");
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [astro, "build", "--root", projectRoot, "--outDir", outDir],
      {
        cwd: workDir,
        env: { ...process.env, ASTRO_CACHE_DIR: cacheDir, ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { outDir, workDir, exitCode: 0, output: stdout + stderr };
  } catch (error) {
    const {
      code,
      stdout = "",
      stderr = "",
    } = error as { code?: number; stdout?: string; stderr?: string };
    return {
      outDir,
      workDir,
      exitCode: typeof code === "number" ? code : 1,
      output: stdout + stderr,
    };
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}
