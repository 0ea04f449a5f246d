import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

/** The project's root folder. */
export const projectRoot = resolve(import.meta.dirname, "../..");

/** What a real `astro build` left behind. */
export interface BuildResult {
  outDir: string;
  exitCode: number;
  output: string;
}

/**
 * Runs the real Astro CLI on the project into a fresh folder, with extra
 * environment (`CONTENT_DIR`, `TZ`, …) and a cache of its own, so that builds
 * can run side by side.
 */
export async function buildSite(env: Record<string, string> = {}): Promise<BuildResult> {
  const outDir = await mkdtemp(join(tmpdir(), "broadsheet-dist-"));
  const cacheDir = await mkdtemp(join(tmpdir(), "broadsheet-cache-"));
  const astro = join(projectRoot, "node_modules/astro/bin/astro.mjs");
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [astro, "build", "--outDir", outDir],
      {
        cwd: projectRoot,
        env: { ...process.env, ASTRO_CACHE_DIR: cacheDir, ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { outDir, exitCode: 0, output: stdout + stderr };
  } catch (error) {
    const {
      code,
      stdout = "",
      stderr = "",
    } = error as { code?: number; stdout?: string; stderr?: string };
    return { outDir, exitCode: typeof code === "number" ? code : 1, output: stdout + stderr };
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}
