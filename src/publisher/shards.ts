import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ArchiveFile } from "./archive-files.ts";

/** What a shard's output says of itself, so that the merge can check it. */
interface ShardRecord {
  shard: number;
  of: number;
  /** Its article files, each with its digest. */
  files: Record<string, string>;
}

/** The file in a shard's output that describes it. */
export const SHARD_RECORD = ".broadsheet-shard.json";

/** A merge that cannot go ahead: its message names the shard and the problem. */
export class ShardMismatch extends Error {}

/** Writes the record of shard `shard` of `of`, made of `files`, into its output. */
export async function writeShardRecord(
  outDir: string,
  shard: number,
  of: number,
  files: readonly ArchiveFile[],
): Promise<void> {
  const record: ShardRecord = {
    shard,
    of,
    files: Object.fromEntries(files.map(({ path, digest }) => [path, digest])),
  };
  await writeFile(join(outDir, SHARD_RECORD), JSON.stringify(record));
}

/**
 * Checks that the shards' outputs in `dirs` are together the archive as it
 * is here: each a different shard of as many as were given, every file in
 * exactly one of them, with its bytes.
 */
export async function checkShards(
  dirs: readonly string[],
  files: readonly ArchiveFile[],
): Promise<void> {
  const records = await Promise.all(
    dirs.map(async (dir) => {
      const text = await readFile(join(dir, SHARD_RECORD), "utf8").catch(() => {
        throw new ShardMismatch(`${dir} is not a shard's output: it has no ${SHARD_RECORD}`);
      });
      return JSON.parse(text) as ShardRecord;
    }),
  );
  const count = records.length;
  const seen = new Map<number, string>();
  records.forEach((record, index) => {
    const dir = dirs[index]!;
    if (record.of !== count) {
      throw new ShardMismatch(
        `${dir} is shard ${record.shard} of ${record.of}, but ${count} shards were given`,
      );
    }
    const twin = seen.get(record.shard);
    if (twin) throw new ShardMismatch(`${twin} and ${dir} are both shard ${record.shard}`);
    seen.set(record.shard, dir);
  });
  const built = new Map<string, string>();
  for (const record of records) {
    for (const [path, digest] of Object.entries(record.files)) built.set(path, digest);
  }
  const now = new Map(files.map(({ path, digest }) => [path, digest]));
  const stale = [...new Set([...built.keys(), ...now.keys()])]
    .filter((path) => built.get(path) !== now.get(path))
    .sort();
  if (stale.length > 0) {
    throw new ShardMismatch(
      `the shards were not built from the articles here; these differ: ${stale.slice(0, 10).join(", ")}` +
        (stale.length > 10 ? ` and ${stale.length - 10} more` : ""),
    );
  }
}
