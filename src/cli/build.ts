/**
 * `npm run build`: builds the site into a new folder beside `dist/` and puts
 * it in place of `dist/` only when the whole build succeeded, so a static
 * host that publishes `dist/` never gets half a site, and a failed or
 * stopped build leaves the last good one, and its manifest, as they were.
 *
 * The build is incremental: when the last build's output and manifest are
 * there and nothing but articles changed since, it makes only the pages the
 * changed articles touch and carries the rest over. A large archive is built
 * in parts, each an `astro build` process of its own, so no process holds
 * the whole archive. See the README's "Building" section.
 *
 *   node src/cli/build.ts [--outDir dist] [--full]
 *   node src/cli/build.ts --shard I/K --outDir DIR   (one machine's share)
 *   node src/cli/build.ts --merge DIR… [--outDir dist]   (the shards joined)
 *
 * The environment (CONTENT_DIR, SITE_URL, BASE_PATH, ASTRO_CACHE_DIR…) passes
 * through to the builds.
 */
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { contentFolder } from "../lib/content-folder.ts";
import { scanArchive } from "./build/archive.ts";
import {
  BuildFailure,
  fullBuild,
  incrementalBuild,
  mergeBuild,
  shardBuild,
  type BuildPlace,
  type BuildReport,
} from "./build/builds.ts";
import { buildInputs, changedInputs } from "./build/inputs.ts";
import { readManifest } from "./build/manifest.ts";

const projectRoot = resolve(import.meta.dirname, "../..");

/** Articles one process builds at most: its memory, not the archive's size, sets a build's peak. */
const DEFAULT_PART_SIZE = 1000;

const { values, positionals } = parseArgs({
  options: {
    outDir: { type: "string" },
    full: { type: "boolean", default: false },
    shard: { type: "string" },
    merge: { type: "boolean", default: false },
  },
  allowPositionals: true,
});

function usage(problem: string): never {
  console.error(
    `${problem}\nUsage: npm run build -- [--full] [--outDir dist]\n` +
      `       npm run build -- --shard I/K --outDir DIR\n` +
      `       npm run build -- --merge DIR… [--outDir dist]`,
  );
  process.exit(2);
}

const shard = values.shard?.match(/^(\d+)\/(\d+)$/);
if (values.shard !== undefined && (!shard || +shard[1]! < 1 || +shard[1]! > +shard[2]!)) {
  usage(`--shard takes I/K, the I-th of K shards (1 ≤ I ≤ K), not "${values.shard}".`);
}
if (shard && !values.outDir) usage("--shard needs --outDir, the folder for the shard's output.");
if (values.merge && positionals.length === 0) usage("--merge needs the shards' folders.");
if (!values.merge && positionals.length > 0)
  usage(`Unexpected arguments: ${positionals.join(" ")}`);
const partSize = Number(process.env["BROADSHEET_PART_SIZE"] ?? DEFAULT_PART_SIZE);
if (!Number.isInteger(partSize) || partSize < 1)
  usage("BROADSHEET_PART_SIZE must be a whole number.");

const outDir = values.outDir ?? "dist";
const target = resolve(projectRoot, outDir);
const cacheRoot = resolve(projectRoot, process.env["ASTRO_CACHE_DIR"] ?? "node_modules/.astro");
await mkdir(cacheRoot, { recursive: true });
const controller = new AbortController();
// Stopped from outside (Ctrl-C, a CI timeout): stop the parts, clean up, keep dist/.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    controller.abort();
    process.exitCode = signal === "SIGINT" ? 130 : 143;
  });
}
const place: BuildPlace = {
  target,
  cacheRoot,
  // The jobs' output folders. Inside the project, wherever the cache is:
  // Astro keeps a job's server bundle beside its output only when that is
  // below the working folder, and otherwise in the project's .astro/, where
  // jobs side by side delete each other's.
  workRoot: isInside(projectRoot, cacheRoot)
    ? join(cacheRoot, "work")
    : join(projectRoot, "node_modules/.astro/work"),
  // One manifest for each output folder a project builds into.
  manifestPath: join(
    cacheRoot,
    `build-manifest-${createHash("sha256").update(target).digest("hex").slice(0, 12)}.json`,
  ),
  contentDir: resolve(projectRoot, contentFolder(process.env)),
  partSize,
  signal: controller.signal,
};

const started = performance.now();
try {
  const files = await scanArchive(place.contentDir);
  const report = await build(files);
  // resourceUsage() reports kibibytes.
  report.ownMaxRssBytes = process.resourceUsage().maxRSS * 1024;
  await writeFile(join(cacheRoot, "last-build.json"), JSON.stringify(report));
  console.log(`\n${summary(report, (performance.now() - started) / 1000)}`);
} catch (error) {
  if (!(error instanceof BuildFailure) && !controller.signal.aborted) console.error(error);
  else if (error instanceof BuildFailure) console.error(`\n${error.message}.`);
  console.error(
    `\nThe build ${controller.signal.aborted ? "was stopped" : "failed"}, so ${outDir}/ was left as it was.`,
  );
  process.exitCode ||= 1;
}

async function build(files: Awaited<ReturnType<typeof scanArchive>>): Promise<BuildReport> {
  const inputs = await buildInputs(projectRoot, process.env);
  if (shard) return shardBuild(place, files, inputs, +shard[1]!, +shard[2]!);
  if (values.merge) {
    const dirs = positionals.map((dir) => resolve(projectRoot, dir));
    console.log(`Merging ${dirs.length} shard(s) into ${outDir}/.`);
    return mergeBuild(place, files, inputs, dirs);
  }
  const reason = await fullBuildReason(inputs);
  if (reason) {
    console.log(`A full build: ${reason}.`);
    return fullBuild(place, files, inputs, reason);
  }
  const last = await readManifest(place.manifestPath, target);
  if (!("manifest" in last)) throw new Error("unreachable: the manifest was read before");
  return incrementalBuild(place, files, inputs, last.manifest);
}

/** Why this build cannot start from the last one; undefined when it can. */
async function fullBuildReason(inputs: Record<string, string>): Promise<string | undefined> {
  if (values.full) return "asked for with --full";
  const last = await readManifest(place.manifestPath, target);
  if ("problem" in last) return last.problem;
  const changed = changedInputs(last.manifest.inputs, inputs);
  if (changed.length > 0) return `${changed.join(", ")} changed since the last build`;
  return undefined;
}

function summary(report: BuildReport, seconds: number): string {
  if (report.kind === "up to date") {
    return `${outDir}/ is up to date: ${report.reason}, so it was left as it was.`;
  }
  const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
  const lines = report.jobs.map(
    (job) =>
      `  ${job.name}: ${job.pages} pages in ${job.seconds.toFixed(1)} s, peak ${mib(job.maxRssBytes)}`,
  );
  if (report.siteFiles) {
    const files = report.siteFiles;
    const years = Object.values(files.searchYears);
    const cached = years.filter((year) => year.cached).length;
    const fromCache = cached > 0 ? ` (${cached} of ${years.length} years from the cache)` : "";
    lines.push(
      `  search index: ${files.searchPages} pages in ${files.searchSeconds.toFixed(1)} s${fromCache}; ` +
        `sitemap: ${files.sitemapPages} pages; _headers: ${files.policies} page policies`,
    );
  }
  lines.push(
    `  joining and the site's files: ${report.joinSeconds.toFixed(1)} s, ` +
      `this process's peak ${mib(report.ownMaxRssBytes ?? 0)}`,
  );
  const made = report.kind === "shard" ? "shard" : "site";
  return `${lines.join("\n")}\n\nBuilt in ${seconds.toFixed(1)} s. The new ${made} is in ${outDir}/.`;
}

/** Whether `dir` is below `root`. */
function isInside(root: string, dir: string): boolean {
  const path = relative(root, dir);
  return path !== "" && !path.startsWith("..") && !isAbsolute(path);
}
