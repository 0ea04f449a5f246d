import { createHash } from "node:crypto";
import type { RelatedByArticle } from "../lib/job-scope.ts";
import { relatedStories, type RelatedStory } from "../lib/related-stories.ts";
import { articleIdOf } from "../lib/archive-index.ts";
import type { ArchiveFile } from "./archive-files.ts";

/*
 * The earlier stories of every article (src/lib/related-stories.ts), as the
 * plan chooses them from the whole archive and hands them to its jobs.
 */

/** Each article's earlier stories, chosen from every article of the archive that could be read. */
export function relatedOf(archive: readonly ArchiveFile[]): RelatedByArticle {
  const stories = new Map(
    archive.flatMap(({ path, frontmatter }) =>
      frontmatter ? [[articleIdOf(path), frontmatter] as const] : [],
    ),
  );
  return Object.fromEntries(relatedStories(stories));
}

/** The part of `related` that concerns `files`. */
export function relatedFor(
  files: readonly ArchiveFile[],
  related: RelatedByArticle,
): RelatedByArticle {
  return Object.fromEntries(
    files.flatMap(({ path }) => {
      const stories = related[articleIdOf(path)];
      return stories ? [[articleIdOf(path), stories] as const] : [];
    }),
  );
}

/** Each file's earlier stories, digested (`relatedDigest`), by path, as the manifest keeps them. */
export function relatedDigests(
  files: readonly ArchiveFile[],
  related: RelatedByArticle,
): Record<string, string> {
  return Object.fromEntries(
    files.map(({ path }) => [path, relatedDigest(related[articleIdOf(path)])]),
  );
}

/** A digest of the earlier stories an article lists, "" for none: the manifest keeps it to see a list change. */
export function relatedDigest(stories: readonly RelatedStory[] | undefined): string {
  if (!stories || stories.length === 0) return "";
  return createHash("sha256").update(JSON.stringify(stories)).digest("hex").slice(0, 16);
}
