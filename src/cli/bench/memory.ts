import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeSyntheticArticles } from "../synthetic-articles.ts";
import type { BenchContext } from "./context.ts";
import { row, type BuildFigures } from "./figures.ts";
import { measureBuild } from "./measure-build.ts";

/**
 * `--memory`: whether a build's memory stays flat as the archive grows. The
 * largest process of a first build of N / 4 articles and of N (each from
 * an empty cache), and the ratio.
 */
export async function benchMemory({ work, articles }: BenchContext): Promise<void> {
  const sizes = [Math.max(1, Math.round(articles / 4)), articles];
  const figures: BuildFigures[] = [];
  for (const size of sizes) {
    const contentDir = join(work, `memory-${size}-content`);
    const buildDir = join(work, `memory-${size}-build`);
    await writeSyntheticArticles(contentDir, size);
    await mkdir(buildDir);
    figures.push(await measureBuild(buildDir, contentDir, join(buildDir, "cache")));
    await rm(buildDir, { recursive: true, force: true });
  }
  console.log(`\nBroadsheet build benchmark: peak memory of the largest process, first builds\n`);
  console.table(
    Object.fromEntries(sizes.map((size, index) => [`${size} articles`, row(figures[index]!)])),
  );
  const ratio = figures[1]!.maxRssBytes / figures[0]!.maxRssBytes;
  console.log(
    `${articles} articles over ${sizes[0]}: ${ratio.toFixed(2)}× (the issue's bound: 1.2×)`,
  );
}
