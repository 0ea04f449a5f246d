import { createHash } from "node:crypto";
import { glob, readFile } from "node:fs/promises";
import type { ArchiveFile } from "./plan.ts";

/**
 * The month an article says it was published, read from its frontmatter
 * without parsing it: only the build's split into parts uses it, and a
 * file it cannot read goes into a part all the same, where the build names
 * its problem.
 */
const publishedMonth = /^published:\s*["']?(\d{4}-\d{2})/m;

/**
 * Every article file under `folder`, with its digest and month: all the
 * build command reads before it decides what to build. Reads each file once;
 * 100,000 articles take a few seconds.
 */
export async function scanArchive(folder: string): Promise<ArchiveFile[]> {
  const paths = (await Array.fromAsync(glob("**/*.md", { cwd: folder }))).sort();
  const files: ArchiveFile[] = [];
  // A few files at a time keeps the disk busy without holding the archive in memory.
  const batch = 64;
  for (let start = 0; start < paths.length; start += batch) {
    files.push(
      ...(await Promise.all(
        paths.slice(start, start + batch).map(async (path) => {
          const bytes = await readFile(`${folder}/${path}`);
          const frontmatter = bytes.subarray(0, 4096).toString("utf8");
          return {
            path: path.split("\\").join("/"),
            digest: createHash("sha256").update(bytes).digest("hex"),
            month: publishedMonth.exec(frontmatter)?.[1] ?? "",
          };
        }),
      )),
    );
  }
  return files;
}
