import { createHash } from "node:crypto";

/**
 * The digest of an article file's bytes, as the publisher reads the archive
 * and the articles loader keeps each entry: when the two agree, the loader
 * need not read the file again.
 */
export function fileDigest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
