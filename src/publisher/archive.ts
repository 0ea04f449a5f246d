import { createHash } from "node:crypto";
import { statSync, type BigIntStats } from "node:fs";
import { glob, readFile, stat } from "node:fs/promises";
import { join, posix } from "node:path";
import { fileDigest } from "../lib/file-digest.ts";
import { isRemotePicture, PICTURE_EXTENSIONS } from "../lib/pictures.ts";
import type { ArchiveFile } from "./archive-files.ts";
import { readFrontmatter } from "./frontmatter.ts";

/**
 * The month an article says it was published, read from its frontmatter
 * without parsing it: only the build's split into parts uses it, and a
 * file it cannot read goes into a part all the same, where the build names
 * its problem.
 */
const publishedMonth = /^published:\s*["']?(\d{4}-\d{2})/m;

/** What an earlier build read of a file: its digest, stamp, month and frontmatter. */
export type KnownFiles = Readonly<Record<string, Omit<ArchiveFile, "path">>>;

/**
 * How long after a file's last change its stamp is trusted. File systems
 * keep times to a clock tick (some milliseconds on Linux, up to 2 seconds
 * on others), so a file written twice within a tick keeps one stamp: a
 * stamp taken that soon after a change might not tell the next change
 * apart, and is not kept. Git's index guards the same way ("racy git").
 */
export const STAMP_SETTLE_MS = 5_000;

/**
 * Every article file under `folder`, with its digest, month and frontmatter: all
 * the build command reads before it decides what to build. A file `known`
 * with the same stamp (size, inode, change and modification times) is not
 * read again: a publish into 100,000 articles would otherwise read all of
 * them, some 450 MB. A file with the same digest keeps the frontmatter read
 * then, since checking frontmatter is most of the cost of reading it
 * (about 0.1 ms a file, measured on 5,000 synthetic articles). `started`
 * is when the scan began, in milliseconds: the clock stamps are judged by.
 */
export async function scanArchive(
  folder: string,
  known: KnownFiles = {},
  started = Date.now(),
): Promise<ArchiveFile[]> {
  const paths = (await Array.fromAsync(glob("**/*.md", { cwd: folder }))).sort();
  const files: ArchiveFile[] = [];
  // A few files at a time keeps the disk busy without holding the archive in memory.
  const batch = 64;
  for (let start = 0; start < paths.length; start += batch) {
    files.push(
      ...(await Promise.all(
        paths.slice(start, start + batch).map(async (found): Promise<ArchiveFile> => {
          const path = found.split("\\").join("/");
          const file = `${folder}/${found}`;
          const before = known[path];
          // Synchronous: at 100,000 known files, the promises' own cost (and
          // the garbage they leave) was most of the scan's 2 s of stats,
          // which take 0.5 s read one after another from the page cache.
          const stampOf = (paths: readonly string[]) => {
            const stamps = [file, ...paths.map((picture) => join(folder, picture))].map((each) => {
              const info = statSync(each, { bigint: true, throwIfNoEntry: false });
              return info && fileStamp(info, started);
            });
            return stamps.includes(undefined) ? undefined : stamps.join(" ");
          };
          if (before?.stamp !== undefined && before.stamp === stampOf(before.pictures ?? [])) {
            // The manifest's record holds more (keys, earlier stories): only the file's own facts.
            const { digest, month, frontmatter, pictures, stamp } = before;
            return {
              path,
              digest,
              month,
              ...(frontmatter && { frontmatter }),
              ...(pictures && { pictures }),
              stamp,
            };
          }
          const bytes = await readFile(file);
          const text = bytes.toString("utf8");
          const pictures = await picturesShown(folder, path, text);
          const stamp = stampOf(pictures);
          const digest = await articleDigest(folder, bytes, pictures);
          const frontmatter =
            before?.digest === digest ? before.frontmatter : readFrontmatter(path, text);
          return {
            path,
            digest,
            month: publishedMonth.exec(text.slice(0, 4096))?.[1] ?? "",
            ...(frontmatter && { frontmatter }),
            ...(pictures.length > 0 && { pictures }),
            ...(stamp !== undefined && { stamp }),
          };
        }),
      )),
    );
  }
  return files;
}

/**
 * A file's stamp: its size, inode, and change and modification times to
 * the nanosecond, which any write changes; undefined when it changed within
 * `STAMP_SETTLE_MS` of `now` (milliseconds), too soon to trust.
 */
export function fileStamp(info: BigIntStats, now: number): string | undefined {
  const changed = info.ctimeNs > info.mtimeNs ? info.ctimeNs : info.mtimeNs;
  if (Number(changed / 1_000_000n) > now - STAMP_SETTLE_MS) return undefined;
  return `${info.size}:${info.ino}:${info.mtimeNs}:${info.ctimeNs}`;
}

/** A picture file's extension, at the end of a path. */
const PICTURE_EXTENSION = `\\.(?:${PICTURE_EXTENSIONS.join("|")})`;

/**
 * Anything in an article's text that reads as the path of a picture file:
 * a bare one (`./crowd.jpg`), or one with spaces where Markdown and YAML
 * allow them: in `<…>` or quotes, or as a field's whole value
 * (`![A crowd](<./the crowd.jpg>)`, `src: ./the crowd.jpg`).
 */
const picturePaths = [
  new RegExp(`[^\\s"'()<>\\[\\]]+${PICTURE_EXTENSION}(?=[\\s"')\\]]|$)`, "gim"),
  new RegExp(`(?<=[<"'])[^<>"'\\n]+${PICTURE_EXTENSION}(?=[>"'])`, "gi"),
  new RegExp(
    `(?<=^[ \\t]*[\\w-]+:[ \\t]*)[^\\s"'][^"'\\n]*${PICTURE_EXTENSION}(?=[ \\t]*$)`,
    "gim",
  ),
];

/**
 * The picture files an article shows, relative to `folder`: every path in
 * its text that names a picture file beside it (the frontmatter's `image`,
 * the body's `![…](…)`). A path that names no file is left to the build,
 * which says so; one more file than the article shows only makes it built
 * again when that file changes.
 */
export async function picturesShown(folder: string, path: string, text: string): Promise<string[]> {
  const found = new Set<string>();
  const written = new Set(
    picturePaths.flatMap((pattern) => [...text.matchAll(pattern)].map(([match]) => match)),
  );
  for (const each of written) {
    if (isRemotePicture(each)) continue;
    let decoded: string;
    try {
      decoded = decodeURI(each);
    } catch {
      continue;
    }
    const picture = posix.normalize(posix.join(posix.dirname(path), decoded));
    const exists = await stat(join(folder, picture)).then(
      (info) => info.isFile(),
      () => false,
    );
    if (exists) found.add(picture);
  }
  return [...found].sort();
}

/** The digest of an article: of its bytes alone, or with each picture's path and bytes. */
async function articleDigest(folder: string, bytes: Uint8Array, pictures: readonly string[]) {
  const own = fileDigest(bytes);
  if (pictures.length === 0) return own;
  const hash = createHash("sha256").update(own);
  for (const picture of pictures) {
    hash.update(`\0${picture}\0${fileDigest(await readFile(join(folder, picture)))}`);
  }
  return hash.digest("hex");
}
