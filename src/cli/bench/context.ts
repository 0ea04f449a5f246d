import { resolve } from "node:path";
import { setTimeout } from "node:timers/promises";
import { writeSyntheticArticles, type SyntheticOptions } from "../synthetic-articles.ts";
import { STAMP_SETTLE_MS } from "../../publisher/archive.ts";

/** The project whose build is measured: ours is built from here. */
export const projectRoot = resolve(import.meta.dirname, "../../..");

/** What every mode of the bench works with. */
export interface BenchContext {
  /** This run's temporary folder, removed when the run ends. */
  work: string;
  /** The bare Astro 7 site (src/cli/bare-astro-site.ts), built beside ours. */
  bareRoot: string;
  /** N: the articles of the large archive. */
  articles: number;
  /** R: the runs each figure is the median of. */
  runs: number;
}

/**
 * Writes the synthetic archive of `count` articles into `dir` (the default
 * seed; `options` as `writeSyntheticArticles` takes them), and waits
 * until the build may trust the files' stamps (src/publisher/archive.ts), as
 * it may a newsroom's archive, written long before: a first build right
 * after writing them would trust none, and the first publish would read
 * every file again (at 10,000 articles, 2.3 s of it).
 */
export async function writeArchive(
  dir: string,
  count: number,
  options: SyntheticOptions = {},
): Promise<void> {
  await writeSyntheticArticles(dir, count, undefined, options);
  await setTimeout(STAMP_SETTLE_MS);
}
