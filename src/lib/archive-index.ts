/*
 * The archive index: every article file as the publisher read it before a
 * build (src/publisher/archive.ts), written to a file for the process that
 * makes the listings. That process lists every article from the index, and
 * reads and renders only the articles it shows in full (the feeds', the front
 * page's summaries and those whose own pages it makes), so what it holds
 * follows those, not the archive: Astro's store of 100,000 entries took 2 GB
 * and half a minute to load, check and write back.
 */

/** One article file in the index. */
export interface IndexedFile<Frontmatter> {
  /** Relative to the content folder. */
  path: string;
  /** Its digest (src/lib/file-digest.ts, with its pictures'): the store keeps an entry by it. */
  digest: string;
  /**
   * Its checked frontmatter, as far as lists show it; absent when it did not
   * check, and a build must read the file to say why.
   */
  frontmatter?: Frontmatter;
}

/** An article's id: its file's path in the content folder, without `.md`. */
export function articleIdOf(path: string): string {
  return path.replace(/\.md$/i, "");
}

/** The files whose frontmatter checked, as articles: id, path and frontmatter. */
export function indexedArticles<Frontmatter>(
  index: readonly IndexedFile<Frontmatter>[],
): { id: string; path: string; data: Frontmatter }[] {
  return index.flatMap(({ path, frontmatter }) =>
    frontmatter ? [{ id: articleIdOf(path), path, data: frontmatter }] : [],
  );
}

/**
 * Reads an index file's JSON, refusing anything else: a wrong index would
 * silently list the wrong articles. The frontmatter is the publisher's
 * checked frontmatter, trusted as it is.
 */
export function parseArchiveIndex<Frontmatter>(json: string): IndexedFile<Frontmatter>[] {
  const value: unknown = JSON.parse(json);
  const valid =
    Array.isArray(value) &&
    value.every(
      (file: Partial<IndexedFile<unknown>> | null) =>
        typeof file?.path === "string" &&
        typeof file.digest === "string" &&
        (file.frontmatter === undefined ||
          (typeof file.frontmatter === "object" && file.frontmatter !== null)),
    );
  if (!valid) {
    throw new TypeError(
      "archive index: must list article files, each with a `path`, a `digest` and its `frontmatter` if it checked",
    );
  }
  return value as IndexedFile<Frontmatter>[];
}
