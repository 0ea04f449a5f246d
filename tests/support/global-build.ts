import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite, type BuildResult } from "./build";
import { writePublishingFixture } from "./publishing-fixture";

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder of the shared build, made west of UTC to catch day shifts. */
    distDir: string;
    /** The folder of the publishing build: for https://news.example.org/reader/, with 53 articles. */
    subpathDistDir: string;
  }
}

/** Where the publishing build is deployed. */
export const subpathSite = { SITE_URL: "https://news.example.org", BASE_PATH: "/reader/" };

interface SharedBuilds {
  root: BuildResult;
  subpath: BuildResult;
  /** How many projects still use the builds: the last to finish removes them. */
  users: number;
}

// The build and browser projects both declare this setup, and Vitest runs it
// once for each, in one process: the builds are made once and kept here.
const shared = globalThis as { broadsheetSharedBuilds?: Promise<SharedBuilds> };

async function buildShared(): Promise<SharedBuilds> {
  const contentDir = await mkdtemp(join(tmpdir(), "broadsheet-content-"));
  await writePublishingFixture(contentDir);
  const [root, subpath] = await Promise.all([
    buildSite({ TZ: "America/Los_Angeles" }),
    buildSite({ ...subpathSite, CONTENT_DIR: contentDir }),
  ]);
  await rm(contentDir, { recursive: true, force: true });
  for (const result of [root, subpath]) {
    if (result.exitCode !== 0) throw new Error(`astro build failed:\n${result.output}`);
  }
  return { root, subpath, users: 0 };
}

/** Builds the site once for every test file that reads `dist`, and once more under a subpath. */
export default async function setup(project: TestProject) {
  const builds = await (shared.broadsheetSharedBuilds ??= buildShared());
  builds.users++;
  project.provide("distDir", builds.root.outDir);
  project.provide("subpathDistDir", builds.subpath.outDir);
  return async () => {
    if (--builds.users > 0) return;
    delete shared.broadsheetSharedBuilds;
    for (const { workDir } of [builds.root, builds.subpath]) {
      await rm(workDir, { recursive: true, force: true });
    }
  };
}
