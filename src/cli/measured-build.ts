/*
 * One `astro build` in a process of its own, so that its peak memory is
 * measured alone: `node src/cli/measured-build.ts <outDir>` prints
 * {"maxRssBytes": …} as its last line. The environment (CONTENT_DIR,
 * ASTRO_CACHE_DIR, …) passes through to the build.
 */
import { resolve } from "node:path";
import { build } from "astro";

const outDir = process.argv[2];
if (!outDir) throw new Error("usage: node src/cli/measured-build.ts <outDir>");

await build({
  root: resolve(import.meta.dirname, "../.."),
  outDir: resolve(outDir),
  logLevel: "error",
});
// resourceUsage() reports kibibytes.
console.log(JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
