/*
 * How `npm run build` divides an archive (src/cli/build.ts): into parts that
 * separate processes build, into shards that separate machines build, and
 * into what changed since the last build.
 */

/** An article file as the build command sees it before any build. */
export interface ArchiveFile {
  /** Relative to the content folder. */
  path: string;
  /** A hash of the file's bytes. */
  digest: string;
  /** The month it was published, "YYYY-MM", or "" when its frontmatter does not say (the build will). */
  month: string;
}

/** Files in publication order: by month, then by path, so a split never depends on the order files were found. */
export function inPublicationOrder<T extends ArchiveFile>(files: readonly T[]): T[] {
  return [...files].sort((a, b) =>
    a.month !== b.month
      ? a.month < b.month
        ? -1
        : 1
      : a.path < b.path
        ? -1
        : a.path > b.path
          ? 1
          : 0,
  );
}

/**
 * Splits files into as few parts as keep each within `maxPerPart`, of
 * nearly equal size, in publication order. A part is what one build process
 * holds in memory, so its size, not the archive's, bounds the memory.
 */
export function splitIntoParts<T extends ArchiveFile>(
  files: readonly T[],
  maxPerPart: number,
): T[][] {
  if (files.length === 0) return [];
  const ordered = inPublicationOrder(files);
  const count = Math.ceil(ordered.length / maxPerPart);
  return Array.from({ length: count }, (_, index) =>
    ordered.slice(
      Math.floor((index * ordered.length) / count),
      Math.floor(((index + 1) * ordered.length) / count),
    ),
  );
}

/**
 * The files of shard `index` (from 0) of `count`: whole months, in order,
 * balanced by the number of articles. A month goes to the shard in whose
 * share of the archive its first article falls, so a new month changes the
 * last shard, and months never move between shards as long as the older
 * ones keep their size.
 */
export function shardFiles<T extends ArchiveFile>(
  files: readonly T[],
  index: number,
  count: number,
): T[] {
  if (
    !Number.isInteger(count) ||
    count < 1 ||
    !Number.isInteger(index) ||
    index < 0 ||
    index >= count
  ) {
    throw new RangeError(`no shard ${index + 1} of ${count}`);
  }
  const ordered = inPublicationOrder(files);
  const shard: T[] = [];
  let start = 0;
  while (start < ordered.length) {
    let end = start;
    while (end < ordered.length && ordered[end]!.month === ordered[start]!.month) end++;
    if (Math.min(count - 1, Math.floor((start * count) / ordered.length)) === index) {
      shard.push(...ordered.slice(start, end));
    }
    start = end;
  }
  return shard;
}

/** What changed in the archive since the build a manifest describes. */
export interface ArchiveChanges<T> {
  /** New files, and files whose bytes changed. */
  changed: T[];
  /** Paths of files that are gone. */
  deleted: string[];
}

/** Compares the files now with those of the last build (path → digest). */
export function archiveChanges<T extends ArchiveFile>(
  previous: Readonly<Record<string, { digest: string }>>,
  current: readonly T[],
): ArchiveChanges<T> {
  const now = new Set(current.map(({ path }) => path));
  return {
    changed: current.filter(({ path, digest }) => previous[path]?.digest !== digest),
    deleted: Object.keys(previous)
      .filter((path) => !now.has(path))
      .sort(),
  };
}
