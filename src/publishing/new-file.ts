import { rename, writeFile } from "node:fs/promises";

/**
 * Writes `data` to `path` as a new file: beside it first, then renamed over
 * it. `npm run build`'s new folder starts as hard links to the last site's
 * files (src/publisher/output-tree.ts), so writing into one in place would
 * change the site being served, before the new one is in place.
 */
export async function writeNewFile(path: string, data: string | Uint8Array): Promise<void> {
  const beside = `${path}.${process.pid}.next`;
  await writeFile(beside, data);
  await rename(beside, path);
}
