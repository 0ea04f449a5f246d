import { resolve } from "node:path";

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
