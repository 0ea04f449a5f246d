/*
 * One part of a build, in a process of its own: `node job-process.ts <outDir>`
 * runs Astro's own command line, `astro build --outDir <outDir>`, on this
 * project, with the environment it was given (the scope file, the caches),
 * so its log and its errors read as any Astro build's. As it exits it writes
 * its peak memory to the file named by BROADSHEET_JOB_REPORT, so that the
 * build can say what each of its processes held.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [outDir] = process.argv.slice(2);
if (!outDir) throw new Error("usage: node src/cli/build/job-process.ts <outDir>");

const report = process.env["BROADSHEET_JOB_REPORT"];
if (report) {
  process.on("exit", () => {
    // resourceUsage() reports kibibytes.
    writeFileSync(report, JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
  });
}
process.argv = [process.argv[0]!, "astro", "build", "--outDir", resolve(outDir)];
await import(
  pathToFileURL(join(import.meta.dirname, "../../../node_modules/astro/bin/astro.mjs")).href
);
