import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { mapLimited } from "../lib/concurrency.ts";
import type { SiteSize } from "../lib/host-limits.ts";
import { changesText, collapseRemovedFolders, type SiteChanges } from "../lib/site-changes.ts";
import { writeNewFile } from "../publishing/new-file.ts";
import { SEARCH_BUNDLE_DIR } from "../publishing/search-index.ts";
import type { SiteFilesSummary } from "../publishing/site-files.ts";
import { listFiles } from "./output-tree.ts";

/*
 * What a build changed in the output, worked out before its new folder
 * takes the old one's place, while both are there to compare. A build
 * that carried the last output over knows which files it wrote, so it
 * compares those alone and its cost follows the change, not the archive.
 */

/** What the build changed, and the size of the site it made. */
export interface OutputChanges {
  changes: SiteChanges;
  size: SiteSize;
}

/** What a build that carried the last output over knows of its files. */
export interface CarriedFiles {
  /** Every file of the last output, as it was linked into the new folder. */
  carried: readonly string[];
  /** Every file of the new folder. */
  files: readonly string[];
  /** The files the build wrote: any other file of `files` is the last output's own. */
  written: readonly string[];
  /** The last output's size, as its manifest says. */
  size: SiteSize;
}

/**
 * Compares the new folder `next` with the last output `previous`: every
 * file, or with `known`, only the files the build wrote.
 */
export async function outputChanges(
  previous: string,
  next: string,
  known?: CarriedFiles,
): Promise<OutputChanges> {
  const before = known?.carried ?? (existsSync(previous) ? await listFiles(previous) : []);
  const after = known?.files ?? (await listFiles(next));
  const had = new Set(before);
  const has = new Set(after);
  const removedFiles = before.filter((path) => !has.has(path));
  // Files side by side: each waits on the disk, and a full build compares
  // every file (20,000 one after another took 13 s at 5,000 articles).
  const written = await mapLimited(known?.written ?? after, 32, async (path) => {
    const now = await stat(join(next, path));
    if (!had.has(path)) return { path, status: "added" as const, size: now.size, replaced: 0 };
    const then = await stat(join(previous, path));
    const same =
      now.ino === then.ino ||
      (now.size === then.size &&
        (await readFile(join(next, path))).equals(await readFile(join(previous, path))));
    return {
      path,
      status: same ? undefined : ("changed" as const),
      size: now.size,
      replaced: then.size,
    };
  });
  const removedSizes = known
    ? await mapLimited(removedFiles, 32, async (path) => (await stat(join(previous, path))).size)
    : [];
  // From the last output's size, each file written adds its bytes and takes
  // away those it replaces; without it, from nothing, as every file is written.
  const sum = (sizes: number[]) => sizes.reduce((total, size) => total + size, 0);
  const bytes = known
    ? known.size.bytes +
      sum(written.map(({ size, replaced }) => size - replaced)) -
      sum(removedSizes)
    : sum(written.map(({ size }) => size));
  const pick = (status: "added" | "changed") =>
    written
      .filter((file) => file.status === status)
      .map(({ path }) => path)
      .sort();
  const added = pick("added");
  const changed = pick("changed");
  const removed = collapseRemovedFolders(removedFiles, (folder) => !existsSync(join(next, folder)));
  return {
    changes: { added, changed, removed },
    size: { files: after.length, bytes },
  };
}

/**
 * The files of a build that carried the last output over: the last output's
 * (`carried`), the new folder's, and those the build wrote there. `files`
 * are the pages and cards, carried over or moved in from the jobs; the site's
 * files are written at the top of the folder, and the search index in the
 * years it made again, less those it removed.
 */
export async function carriedFiles(
  next: string,
  {
    carried,
    files,
    moved,
    siteFiles,
    size,
  }: {
    carried: readonly string[];
    files: readonly string[];
    moved: readonly string[];
    siteFiles: SiteFilesSummary | undefined;
    size: SiteSize;
  },
): Promise<CarriedFiles> {
  const top = (await readdir(next, { withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
  const search = [
    ...(await readdir(join(next, SEARCH_BUNDLE_DIR), { withFileTypes: true }).catch(() => []))
      .filter((entry) => entry.isFile())
      .map((entry) => `${SEARCH_BUNDLE_DIR}/${entry.name}`),
    ...(
      await Promise.all(
        Object.keys(siteFiles?.searchYears ?? {}).map(async (year) =>
          (await listFiles(join(next, SEARCH_BUNDLE_DIR, year))).map(
            (path) => `${SEARCH_BUNDLE_DIR}/${year}/${path}`,
          ),
        ),
      )
    ).flat(),
  ];
  const gone = (siteFiles?.searchYearsRemoved ?? []).map((year) => `${SEARCH_BUNDLE_DIR}/${year}/`);
  const written = [...new Set([...moved, ...top, ...search])];
  const all = new Set([
    ...files.filter((path) => !gone.some((folder) => path.startsWith(folder))),
    ...written,
  ]);
  return { carried, files: [...all].sort(), written, size };
}

/** Where `npm run build` lists what it changed in `target`: beside it, as `dist-changes.txt`. */
export function changesFile(target: string): string {
  return `${target}-changes.txt`;
}

/** Writes the list of changes for `target`, whole or not at all. */
export async function writeChanges(target: string, changes: SiteChanges): Promise<void> {
  await writeNewFile(changesFile(target), changesText(changes));
}
