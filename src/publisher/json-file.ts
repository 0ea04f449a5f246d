import { open } from "node:fs/promises";
import { jsonPieces } from "../lib/json-pieces.ts";

/** How much text is gathered before it is written: some hundreds of records. */
const BATCH_CHARS = 1 << 20;

/**
 * Writes `value` to `path` as `JSON.stringify` would, a batch of pieces at
 * a time (src/lib/json-pieces.ts), so that a file of hundreds of megabytes
 * is never one string in memory. `depth` is how many levels of objects and
 * arrays are taken apart: enough to reach the records that make it large.
 */
export async function writeJsonFile(path: string, value: unknown, depth: number): Promise<void> {
  const file = await open(path, "w");
  try {
    let batch = "";
    for (const piece of jsonPieces(value, depth)) {
      batch += piece;
      if (batch.length < BATCH_CHARS) continue;
      await file.writeFile(batch);
      batch = "";
    }
    await file.writeFile(batch);
  } finally {
    await file.close();
  }
}
