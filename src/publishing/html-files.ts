import { open, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** Every HTML file under a folder, sorted: the pages a build wrote. */
export async function htmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The start of a page, up to and including its `</head>`: enough to read
 * its `<meta>` tags without reading a long article whole. The whole page
 * when its head is longer than the first 16 KiB.
 */
export async function pageHead(file: string): Promise<string> {
  const handle = await open(file);
  try {
    const head = Buffer.alloc(16 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const text = head.toString("utf8", 0, bytesRead);
    const end = text.indexOf("</head>");
    if (end >= 0) return text.slice(0, end + "</head>".length);
    return bytesRead === head.length ? await readFile(file, "utf8") : text;
  } finally {
    await handle.close();
  }
}

/** Whether a page's head asks search engines not to index it (the 404 page, an article's former URL). */
export function asksNotToBeIndexed(head: string): boolean {
  return /<meta name="robots" content="[^"]*\bnoindex\b[^"]*">/.test(head);
}
