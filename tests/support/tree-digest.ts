import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { SiteSize } from "../../src/lib/host-limits";
import { parseChanges } from "../../src/lib/site-changes";

/** Every file under `dir` by its relative path, with a hash of its bytes: two builds are equal when these are. */
export async function treeDigest(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const digests: Record<string, string> = {};
  for (const entry of entries.filter((item) => item.isFile())) {
    const path = join(entry.parentPath, entry.name);
    digests[relative(dir, path).split(sep).join("/")] = createHash("sha256")
      .update(await readFile(path))
      .digest("hex");
  }
  return Object.fromEntries(Object.entries(digests).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The paths whose bytes differ between two trees, or that only one has. */
export function treeDifferences(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((path) => a[path] !== b[path])
    .sort();
}

/**
 * What a deploy must do to turn the tree `before` into `after`, as the
 * build's changes file says it (src/lib/site-changes.ts): the files added,
 * changed and removed, a folder left with no file named once with "/".
 */
export function treeChanges(before: Record<string, string>, after: Record<string, string>) {
  const stays = (folder: string) =>
    Object.keys(after).some((path) => path.startsWith(`${folder}/`));
  const removed = Object.keys(before).filter((path) => !(path in after));
  const outermostGone = (path: string) => {
    const folders = path.split("/").slice(0, -1);
    for (let depth = 1; depth <= folders.length; depth++) {
      const folder = folders.slice(0, depth).join("/");
      if (!stays(folder)) return `${folder}/`;
    }
    return path;
  };
  return {
    added: Object.keys(after).filter((path) => !(path in before)),
    changed: Object.keys(after).filter((path) => path in before && before[path] !== after[path]),
    removed: [...new Set(removed.map(outermostGone))].sort(),
  };
}

/** The changes file `npm run build` left beside `outDir`. */
export async function readChanges(outDir: string) {
  return parseChanges(await readFile(`${outDir}-changes.txt`, "utf8"));
}

/** The files under `dir` and their bytes, counted afresh. */
export async function treeSize(dir: string): Promise<SiteSize> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  let bytes = 0;
  for (const entry of files) bytes += (await stat(join(entry.parentPath, entry.name))).size;
  return { files: files.length, bytes };
}
