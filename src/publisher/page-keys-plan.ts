import { articleIdOf } from "../lib/archive-index.ts";
import { listingsToRemake } from "../lib/listings-to-remake.ts";
import { articlePageKeys } from "../lib/page-keys.ts";
import { site } from "../site.config.ts";
import type { ArchiveFile } from "./archive-files.ts";
import type { BuildManifest } from "./manifest.ts";

/*
 * The page keys (src/lib/page-keys.ts) of a plan: which pages each article
 * shows on, and which listings a change makes again. Worked out before any
 * process starts, from the frontmatter the publisher read.
 */

/**
 * Each file's page keys, by path: the last build's for a file as it was
 * (the same code worked them out, or the build would make everything),
 * worked out from the frontmatter for the others; none for a draft, or for
 * a file whose frontmatter did not check (its build stops).
 */
export function pageKeys(
  files: readonly ArchiveFile[],
  last: BuildManifest["articles"] = {},
  changed: ReadonlySet<string> = new Set(),
): Record<string, string[]> {
  return Object.fromEntries(
    files.map(({ path, frontmatter }) => {
      const kept = changed.has(path) ? undefined : last[path]?.keys;
      return [
        path,
        kept ?? (frontmatter && !frontmatter.draft ? articlePageKeys(frontmatter) : []),
      ];
    }),
  );
}

/**
 * The keys of the listings to make again after `changed` files (paths) were
 * edited or added and `deleted` ones went: those that show them now
 * (`keys`, by path) or showed them before (`previousKeys`).
 */
export function listingsAfter(
  keys: Readonly<Record<string, readonly string[]>>,
  changes: { changed: readonly string[]; deleted: number; previousKeys: readonly string[] },
): string[] {
  return listingsToRemake(
    Object.fromEntries(Object.entries(keys).map(([path, own]) => [articleIdOf(path), own])),
    {
      ids: changes.changed.map(articleIdOf),
      previousKeys: changes.previousKeys,
      deleted: changes.deleted,
    },
    site.articlesPerListPage,
  );
}
