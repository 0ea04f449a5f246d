import { readdir } from "node:fs/promises";
import { join } from "node:path";

/** Every HTML file under a folder, sorted: the pages a build wrote. */
export async function htmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
