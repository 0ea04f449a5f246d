import { parseArgs } from "node:util";

/** Which measurements a bench run makes; `all` unless a flag narrows it. */
export type BenchMode = "all" | "search-only" | "memory" | "publish-only" | "pictures";

/** What `npm run bench` was asked for. */
export interface BenchOptions {
  /** N: the articles of the large archive. */
  articles: number;
  /** R: the runs each figure is the median of. */
  runs: number;
  mode: BenchMode;
}

/** Reads `npm run bench`'s arguments; throws, naming the option, on a bad number. */
export function parseBenchOptions(args: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      articles: { type: "string", default: "1000" },
      runs: { type: "string", default: "1" },
      // Only what the search costs: one first build of N articles (no one-article
      // or bare-Astro builds), then the index and a first search.
      "search-only": { type: "boolean", default: false },
      // Only the memory: first builds of N / 4 and N articles, and the ratio
      // of their largest processes' peaks.
      memory: { type: "boolean", default: false },
      // Only scale: one first build of N articles and one publish into them,
      // each process's figures printed (for 10,000 and 100,000).
      "publish-only": { type: "boolean", default: false },
      // Only pictures: first builds of N articles with and without pictures,
      // then publishing one with pictures into them (src/cli/bench/pictures.ts).
      pictures: { type: "boolean", default: false },
    },
  });
  const articles = Number(values.articles);
  const runs = Number(values.runs);
  if (!Number.isInteger(articles) || articles < 2) {
    throw new Error("--articles takes a whole number of at least 2");
  }
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error("--runs takes a whole number of at least 1");
  // Given together, the flags rank in this order.
  const mode: BenchMode = values["search-only"]
    ? "search-only"
    : values.memory
      ? "memory"
      : values["publish-only"]
        ? "publish-only"
        : values.pictures
          ? "pictures"
          : "all";
  return { articles, runs, mode };
}
