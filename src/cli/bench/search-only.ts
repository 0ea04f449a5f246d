import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { writeSyntheticArticles } from "../synthetic-articles.ts";
import type { BenchContext } from "./context.ts";
import { row } from "./figures.ts";
import { measureBuild } from "./measure-build.ts";
import { measureSearch, printSearch } from "./search.ts";

/** `--search-only`: one first build of N articles, then the search, in a fraction of the time. */
export async function benchSearchOnly({ work, articles }: BenchContext): Promise<void> {
  const contentDir = join(work, "full-content");
  const buildDir = join(work, "full-build");
  await writeSyntheticArticles(contentDir, articles);
  await mkdir(buildDir);
  const first = await measureBuild(buildDir, contentDir, join(buildDir, "cache"));
  const search = await measureSearch(join(buildDir, "dist"));
  console.log(`\nBroadsheet build benchmark: ${articles} articles, one first build\n`);
  console.table({ [`${articles} articles, first build`]: row(first) });
  printSearch(search, articles);
}
