/**
 * The list of what a build changed in its output, which a deploy reads to
 * copy only that (docs/deploying.md). One line a file, its status and its
 * path with a tab between, in path order, as `git diff --name-status`
 * prints them: `A` added, `M` modified, `D` deleted. A folder the build
 * removed whole is one `D` line ending in "/", so that `rsync --force` and
 * `aws s3 rm --recursive` remove it, and nothing under it is listed.
 */

/** What a build changed, by path in its output folder ("articles/…/index.html"). */
export interface SiteChanges {
  added: readonly string[];
  changed: readonly string[];
  /** Files removed, and folders removed whole ("articles/…/slug/"). */
  removed: readonly string[];
}

/** No change at all: what a build that found the output up to date made. */
export const NO_CHANGES: SiteChanges = { added: [], changed: [], removed: [] };

/** How many files were added, changed and removed (a folder removed whole counts once). */
export function countChanges({
  added,
  changed,
  removed,
}: SiteChanges): Record<keyof SiteChanges, number> {
  return { added: added.length, changed: changed.length, removed: removed.length };
}

/** The changes as the file `npm run build` writes beside its output. */
export function changesText({ added, changed, removed }: SiteChanges): string {
  const lines = [
    ...added.map((path) => ["A", path] as const),
    ...changed.map((path) => ["M", path] as const),
    ...removed.map((path) => ["D", path] as const),
  ].sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0));
  return lines.map(([status, path]) => `${status}\t${path}\n`).join("");
}

/** Reads the file `changesText` writes. */
export function parseChanges(text: string): SiteChanges {
  const changes = { added: [] as string[], changed: [] as string[], removed: [] as string[] };
  const lists = { A: changes.added, M: changes.changed, D: changes.removed };
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const match = /^([AMD])\t(.+)$/.exec(line);
    if (!match) throw new Error(`Not a line of a changes file: ${JSON.stringify(line)}`);
    lists[match[1] as keyof typeof lists].push(match[2]!);
  }
  return changes;
}

/**
 * The removed files given as `removed`, with every folder that is gone
 * (`isGone`) put in place of the files under it: the outermost such folder,
 * with a trailing "/".
 */
export function collapseRemovedFolders(
  removed: readonly string[],
  isGone: (folder: string) => boolean,
): string[] {
  const gone = new Map<string, boolean>();
  const goneFolder = (folder: string) => {
    let answer = gone.get(folder);
    if (answer === undefined) gone.set(folder, (answer = isGone(folder)));
    return answer;
  };
  const result = new Set<string>();
  for (const path of removed) {
    const folders = path.split("/").slice(0, -1);
    let outermost: string | undefined;
    // From the top down, the first folder that is gone holds the rest.
    for (let depth = 1; depth <= folders.length; depth++) {
      const folder = folders.slice(0, depth).join("/");
      if (goneFolder(folder)) {
        outermost = `${folder}/`;
        break;
      }
    }
    result.add(outermost ?? path);
  }
  return [...result].sort();
}
