/*
 * One `astro build` in a process of its own, so that its memory is its
 * own and measured alone: `node astro-process.ts <outDir> [<root>]` runs
 * Astro's own command line, `astro build --outDir <outDir>`, on the project
 * at `root` (this one unless given: the bench's bare Astro site has its
 * own), with the environment it was given (a job's scope file, its caches),
 * so its log and its errors read as any Astro build's. As it exits it writes
 * its peak memory to the file named by BROADSHEET_JOB_REPORT, and whether it
 * collected its garbage sooner than V8 would, as a listings process does
 * (below).
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { jobScopeWhenWritten } from "../content/current-job.ts";

const [outDir, root] = process.argv.slice(2);
if (!outDir) throw new Error("usage: node src/publisher/astro-process.ts <outDir> [<root>]");

/** Whether it collects sooner than V8 would (below): the report says so. */
let collectsSooner = false;
const report = process.env["BROADSHEET_JOB_REPORT"];
if (report) {
  process.on("exit", () => {
    // resourceUsage() reports kibibytes.
    const maxRssBytes = process.resourceUsage().maxRSS * 1024;
    writeFileSync(report, JSON.stringify({ maxRssBytes, collectsSooner }));
  });
}
// Given gigabytes, V8 lets a heap grow to four times what outlived its last
// full collection before it collects again: the listings process of a first
// build of 100,000 articles kept some 300 MB and peaked at 1.8 GB. Growing
// by a fifth keeps its peak near what it holds: in a publish into 100,000,
// its heap held 190 MiB and peaked at 820 to 840 MiB, against 960 to 980
// growing by half, in the same time (by a tenth saved nothing more). A part's
// heap follows its 1,000 articles, not the archive, and the extra
// collections cost it time; so does a small site's one process, which the
// publisher starts before it knows that is what it will be (a one-article
// build: 5.46 s with the flag, 4.99 s without, medians of 6). Hence the
// flag is set here, once the scope says this is the listings process, and
// not on the command line; V8 reads it at each collection.
jobScopeWhenWritten().then(
  (scope) => {
    if (scope?.pages !== "site") return;
    setFlagsFromString("--heap-growing-percent=20");
    collectsSooner = true;
  },
  // Astro's sync waits for the same scope, and reports its failure.
  () => {},
);

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
