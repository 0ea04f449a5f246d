import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite } from "./build";
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

/** Builds the site once for every test file that reads `dist`, and once more under a subpath. */
export default async function setup(project: TestProject) {
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
  project.provide("distDir", root.outDir);
  project.provide("subpathDistDir", subpath.outDir);
  return async () => {
    for (const { workDir } of [root, subpath]) await rm(workDir, { recursive: true, force: true });
  };
}
