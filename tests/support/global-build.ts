import { rm } from "node:fs/promises";
import type { TestProject } from "vitest/node";
import { buildSite } from "./build";

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder of the shared build, made west of UTC to catch day shifts. */
    distDir: string;
  }
}

/** Builds the site once for every test file that reads `dist`. */
export default async function setup(project: TestProject) {
  const result = await buildSite({ TZ: "America/Los_Angeles" });
  if (result.exitCode !== 0) throw new Error(`astro build failed:\n${result.output}`);
  project.provide("distDir", result.outDir);
  return () => rm(result.workDir, { recursive: true, force: true });
}
