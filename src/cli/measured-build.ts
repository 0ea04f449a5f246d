/*
 * One `astro build` in a process of its own, so that its peak memory is
 * measured alone: `node src/cli/measured-build.ts <outDir> [<root>]` prints
 * {"maxRssBytes": …} as its last line. The root is this project unless
 * given (the bench's bare Astro baseline has its own). The environment
 * (CONTENT_DIR, ASTRO_CACHE_DIR, …) passes through to the build.
 */
import { resolve } from "node:path";
import { build } from "astro";

const [outDir, root = resolve(import.meta.dirname, "../..")] = process.argv.slice(2);
if (!outDir) throw new Error("usage: node src/cli/measured-build.ts <outDir> [<root>]");

await build({ root: resolve(root), outDir: resolve(outDir), logLevel: "error" });
// resourceUsage() reports kibibytes.
console.log(JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
