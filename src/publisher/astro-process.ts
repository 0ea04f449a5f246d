/*
 * One `astro build` in a process of its own, so that its memory is its
 * own and measured alone: `node astro-process.ts <outDir> [<root>]` runs
 * Astro's own command line, `astro build --outDir <outDir>`, on the project
 * at `root` (this one unless given: the bench's bare Astro site has its
 * own), with the environment it was given (a job's scope file, its caches),
 * so its log and its errors read as any Astro build's. As it exits it writes
 * its peak memory to the file named by BROADSHEET_JOB_REPORT.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [outDir, root] = process.argv.slice(2);
if (!outDir) throw new Error("usage: node src/publisher/astro-process.ts <outDir> [<root>]");

const report = process.env["BROADSHEET_JOB_REPORT"];
if (report) {
  process.on("exit", () => {
    // resourceUsage() reports kibibytes.
    writeFileSync(report, JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
  });
}
process.argv = [
  process.argv[0]!,
  "astro",
  "build",
  "--outDir",
  resolve(outDir),
  ...(root ? ["--root", resolve(root)] : []),
];
await import(
  pathToFileURL(join(import.meta.dirname, "../../node_modules/astro/bin/astro.mjs")).href
);
