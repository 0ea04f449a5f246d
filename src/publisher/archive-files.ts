/*
 * The archive's files as the publisher sees them before any build: in
 * publication order, split into the parts one process builds and the
 * shards one machine builds, compared with the last build's, and written
 * as the archive index the listings process lists them from.
 */

import { listedFields, type ListedFields } from "../content/listed-fields.ts";
import type { ArticleData } from "../content/schema/article.ts";
import type { IndexedFile } from "../lib/archive-index.ts";
import { writeJsonFile } from "./json-file.ts";

/** An article file as the build command sees it before any build. */
export interface ArchiveFile {
  /** Relative to the content folder. */
  path: string;
  /** A hash of the file's bytes, and of the bytes of the pictures it shows, if any. */
  digest: string;
  /** The picture files it shows, relative to the content folder: a change to one is a change to it. */
  pictures?: string[] | undefined;
  /** The month it was published, "YYYY-MM", or "" when its frontmatter does not say (the build will). */
  month: string;
  /**
   * Its checked frontmatter: all that its lists and other articles' pages
   * show of it. Absent when the frontmatter is wrong (the build will say so).
   */
  frontmatter?: ArticleData | undefined;
  /**
   * The file's size, inode and times when it was read (`fileStamp`), and
   * those of its pictures, which the next build compares instead of reading
   * them; absent when one changed too lately for its stamp to tell a later
   * change apart.
   */
  stamp?: string;
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
 * Splits files into parts of at most `maxPerPart`, in publication order,
 * each as full as the limit allows. A part is what one build process holds
 * in memory, so its size, not the archive's, bounds the memory; every part
 * is a process that pays Astro's start-up (about 10 s here), so the parts
 * are as few as the limit allows: kept to whole months, an archive of
 * 520 articles a month made twice as many parts of 1,000. Since the parts
 * fill from the oldest article, new articles join the last part and the
 * older parts, and their caches, stay as they were.
 */
export function splitIntoParts<T extends ArchiveFile>(
  files: readonly T[],
  maxPerPart: number,
): T[][] {
  if (!Number.isInteger(maxPerPart) || maxPerPart < 1) {
    throw new RangeError(`a part holds at least one file, not ${maxPerPart}`);
  }
  const ordered = inPublicationOrder(files);
  const parts: T[][] = [];
  for (let start = 0; start < ordered.length; start += maxPerPart) {
    parts.push(ordered.slice(start, start + maxPerPart));
  }
  return parts;
}

/** Files in publication order, grouped by month. */
function byMonth<T extends ArchiveFile>(ordered: readonly T[]): T[][] {
  const months: T[][] = [];
  for (const file of ordered) {
    const last = months.at(-1);
    if (last && last[0]!.month === file.month) last.push(file);
    else months.push([file]);
  }
  return months;
}

/**
 * The files of shard `index` (from 0) of `count`: whole months, in order,
 * balanced by the number of articles. A month goes to the shard in whose
 * share of the archive its first article falls, so new months join the last
 * shard, and as the archive grows only the months at a shard's edge move.
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
  for (const month of byMonth(ordered)) {
    if (Math.min(count - 1, Math.floor((start * count) / ordered.length)) === index)
      shard.push(...month);
    start += month.length;
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

/**
 * Writes the archive index (src/lib/archive-index.ts) of `files` to `path`,
 * with what the lists show of each article's frontmatter.
 */
export async function writeArchiveIndex(
  path: string,
  files: readonly ArchiveFile[],
): Promise<void> {
  const index: IndexedFile<ListedFields>[] = files.map(({ path, digest, frontmatter }) => ({
    path,
    digest,
    ...(frontmatter && { frontmatter: listedFields(frontmatter) }),
  }));
  await writeJsonFile(path, index, 1);
}
