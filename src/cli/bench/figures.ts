import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

/** What one build cost. */
export interface BuildFigures {
  wallSeconds: number;
  maxRssBytes: number;
  pages: number;
  distBytes: number;
}

/** The median of some numbers; of an even count, the mean of the middle two. */
export function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The median wall time and memory of builds of one kind; pages and bytes are the first's, as every run builds the same site. */
export function medians(results: readonly BuildFigures[]): BuildFigures {
  return {
    wallSeconds: median(results.map((r) => r.wallSeconds)),
    maxRssBytes: median(results.map((r) => r.maxRssBytes)),
    pages: results[0]!.pages,
    distBytes: results[0]!.distBytes,
  };
}

/** One build's figures as a row of the printed tables. */
export function row(figures: BuildFigures) {
  return {
    pages: figures.pages,
    "wall s": figures.wallSeconds.toFixed(2),
    "peak MiB, largest process": (figures.maxRssBytes / 2 ** 20).toFixed(0),
    "dist bytes": figures.distBytes,
  };
}

/** How many HTML pages a folder holds, and its total bytes. */
export async function folderFigures(dir: string): Promise<{ pages: number; distBytes: number }> {
  let pages = 0;
  let distBytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    distBytes += (await stat(join(entry.parentPath, entry.name))).size;
    if (entry.name.endsWith(".html")) pages++;
  }
  return { pages, distBytes };
}
