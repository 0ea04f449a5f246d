import { readFile } from "node:fs/promises";
import { parseArchiveIndex, type IndexedFile } from "../lib/archive-index";

/** Where the parsed index files of this process are kept: one for every module instance. */
const PARSED = Symbol.for("broadsheet.archive-index-files");

type Parsed = Map<string, Promise<readonly IndexedFile<unknown>[]>>;

/**
 * The archive index file at `path` (src/lib/archive-index.ts), read and
 * parsed once in this process. The loader and then the pages each read it,
 * in module instances of their own (Astro loads the content config apart from
 * the pages' bundle), so the one copy is kept on `globalThis` until the pages
 * let it go (`forgetArchiveIndexFile`): at 100,000 articles the index is
 * some 40 MB of JSON, a second of parsing. Nothing changes it.
 */
export function readArchiveIndexFile<Frontmatter>(
  path: string,
): Promise<readonly IndexedFile<Frontmatter>[]> {
  const parsed = ((globalThis as { [PARSED]?: Parsed })[PARSED] ??= new Map());
  let index = parsed.get(path);
  if (!index) {
    index = readFile(path, "utf8").then((json) => parseArchiveIndex(json));
    parsed.set(path, index);
  }
  return index as Promise<readonly IndexedFile<Frontmatter>[]>;
}

/**
 * Lets the parsed index file at `path` go: what the pages list is theirs,
 * and the files' paths and digests (a tenth of the index) are the loader's
 * alone. A later read parses the file again.
 */
export function forgetArchiveIndexFile(path: string): void {
  (globalThis as { [PARSED]?: Parsed })[PARSED]?.delete(path);
}
