/**
 * `npm run build`: builds the site into a new folder beside `dist/` and puts
 * it in place of `dist/` only when the whole build succeeded, so a static
 * host that publishes `dist/` never gets half a site, and a failed or
 * stopped build leaves the last good one, and its manifest, as they were.
 * What it makes and what it carries over is the publisher's to decide
 * (src/publisher/README.md); this is its command line.
 *
 *   node src/cli/build.ts [--outDir dist] [--full]
 *   node src/cli/build.ts --shard I/K --outDir DIR [--full]   (one machine's share)
 *   node src/cli/build.ts --merge DIR… [--outDir dist]   (the shards joined)
 *
 * The environment (CONTENT_DIR, SITE_URL, BASE_PATH, ASTRO_CACHE_DIR,
 * SOURCE_DATE_EPOCH…) passes through to the builds.
 */
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { BuildDateSettingError } from "../lib/build-date.ts";
import { contentFolder } from "../lib/content-folder.ts";
import { describeSize, hostWarnings } from "../lib/host-limits.ts";
import { BuildFailure, type BuildReport } from "../publisher/carry-out.ts";
import { changesFile } from "../publisher/output-changes.ts";
import type { BuildRequest } from "../publisher/plan.ts";
import { publish } from "../publisher/publish.ts";
import { ShardMismatch } from "../publisher/shards.ts";

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
      `       npm run build -- --shard I/K --outDir DIR [--full]\n` +
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

const request: BuildRequest = shard
  ? { kind: "shard", index: +shard[1]!, count: +shard[2]!, full: values.full }
  : values.merge
    ? { kind: "merge", shards: positionals.map((dir) => resolve(projectRoot, dir)) }
    : { kind: "site", full: values.full };
const outDir = values.outDir ?? "dist";
const cacheRoot = resolve(projectRoot, process.env["ASTRO_CACHE_DIR"] ?? "node_modules/.astro");
const controller = new AbortController();
// Stopped from outside (Ctrl-C, a CI timeout): stop the parts, clean up, keep dist/.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    controller.abort();
    process.exitCode = signal === "SIGINT" ? 130 : 143;
  });
}

const started = performance.now();
try {
  const report = await publish({
    request,
    projectRoot,
    target: resolve(projectRoot, outDir),
    cacheRoot,
    contentDir: resolve(projectRoot, contentFolder(process.env)),
    partSize,
    env: process.env,
    signal: controller.signal,
  });
  // resourceUsage() reports kibibytes.
  report.ownMaxRssBytes = process.resourceUsage().maxRSS * 1024;
  await writeFile(join(cacheRoot, "last-build.json"), JSON.stringify(report));
  console.log(`\n${summary(report, (performance.now() - started) / 1000)}`);
} catch (error) {
  const known =
    error instanceof BuildFailure ||
    error instanceof ShardMismatch ||
    error instanceof BuildDateSettingError;
  if (known) console.error(`\n${error.message}.`);
  else if (!controller.signal.aborted) console.error(error);
  console.error(
    `\nThe build ${controller.signal.aborted ? "was stopped" : "failed"}, so ${outDir}/ was left as it was.`,
  );
  process.exitCode ||= 1;
}

function summary(report: BuildReport, seconds: number): string {
  const site = siteLines(report);
  if (report.kind === "up to date") {
    return `${outDir}/ is up to date: ${report.reason}, so it was left as it was.\n${site}`;
  }
  const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
  const lines = report.jobs.map(
    (job) =>
      `  ${job.name}: ${job.pages} pages in ${job.seconds.toFixed(1)} s, peak ${mib(job.maxRssBytes)}`,
  );
  if (report.searchAhead) {
    const years = Object.values(report.searchAhead);
    const pages = years.reduce((sum, year) => sum + year.pages, 0);
    const seconds = years.reduce((sum, year) => sum + year.seconds, 0);
    lines.push(
      `  search index, while the parts ran: ${pages} pages of ${years.length} years in ${seconds.toFixed(1)} s`,
    );
  }
  if (report.siteFiles) {
    const files = report.siteFiles;
    const when = report.searchAhead ? ", the years left" : "";
    lines.push(
      `  search index${when}: ${files.searchPages} pages in ${files.searchSeconds.toFixed(1)} s; ` +
        `sitemap: ${files.sitemapPages} pages; news sitemap: ${files.newsSitemap.articles} articles; ` +
        `_headers: ${files.policies} page policies`,
    );
  }
  lines.push(
    `  joining and the site's files: ${report.joinSeconds.toFixed(1)} s, ` +
      `this process's peak ${mib(report.ownMaxRssBytes ?? 0)}`,
  );
  const made = report.kind === "shard" ? "shard" : "site";
  return `${lines.join("\n")}\n\nBuilt in ${seconds.toFixed(1)} s. The new ${made} is in ${outDir}/.\n${site}`;
}

/** The site's size, what the build changed and where it listed it, and the hosts the site has outgrown. */
function siteLines({ size, changes }: BuildReport): string {
  const { added, changed, removed } = changes;
  const lines = [
    `${describeSize(size)}; ${added} added, ${changed} changed and ${removed} removed, ` +
      `listed in ${changesFile(outDir)}.`,
    ...hostWarnings(size).map((warning) => `Warning: ${warning}`),
  ];
  return lines.join("\n");
}
