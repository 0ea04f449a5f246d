import { describe, expect, test } from "vitest";
import { parseBenchOptions } from "../../src/cli/bench/options";
import { median, medians } from "../../src/cli/bench/figures";

describe("parseBenchOptions", () => {
  test("measures everything on 1,000 articles once by default", () => {
    expect(parseBenchOptions([])).toEqual({ articles: 1000, runs: 1, mode: "all" });
  });

  test("reads the archive's size, the runs and the mode", () => {
    expect(parseBenchOptions(["--articles", "20", "--runs", "3", "--memory"])).toEqual({
      articles: 20,
      runs: 3,
      mode: "memory",
    });
    expect(parseBenchOptions(["--search-only"]).mode).toBe("search-only");
    expect(parseBenchOptions(["--publish-only"]).mode).toBe("publish-only");
    expect(parseBenchOptions(["--pictures"]).mode).toBe("pictures");
  });

  test("ranks --search-only over --memory over --publish-only over --pictures when given together", () => {
    expect(parseBenchOptions(["--publish-only", "--memory", "--search-only"]).mode).toBe(
      "search-only",
    );
    expect(parseBenchOptions(["--publish-only", "--memory"]).mode).toBe("memory");
    expect(parseBenchOptions(["--pictures", "--publish-only"]).mode).toBe("publish-only");
  });

  test("refuses an archive under 2 articles, no run, or a number that is not whole", () => {
    expect(() => parseBenchOptions(["--articles", "1"])).toThrow(
      "--articles takes a whole number of at least 2",
    );
    expect(() => parseBenchOptions(["--articles", "2.5"])).toThrow("--articles");
    expect(() => parseBenchOptions(["--runs", "0"])).toThrow(
      "--runs takes a whole number of at least 1",
    );
  });
});

describe("medians", () => {
  test("takes the middle of an odd count, the mean of the middle two of an even one", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test("keeps the first run's pages and bytes, which every run shares", () => {
    const run = (wallSeconds: number, maxRssBytes: number) => ({
      wallSeconds,
      maxRssBytes,
      pages: 7,
      distBytes: 900,
    });
    expect(medians([run(3, 30), run(1, 10), run(2, 50)])).toEqual(run(2, 30));
  });
});
