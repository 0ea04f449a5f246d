import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import * as cheerio from "cheerio";

/** Parses a built page, given by its path inside `dist`. */
export async function loadPage(distDir: string, page: string): Promise<cheerio.CheerioAPI> {
  return cheerio.load(await readFile(join(distDir, page), "utf8"));
}

/** Text with runs of white space folded to one space, as a reader sees it. */
export function readableText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Every HTML page inside `distDir`, as paths relative to it. */
export async function htmlPages(distDir: string): Promise<string[]> {
  const entries = await readdir(distDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => relative(distDir, join(entry.parentPath, entry.name)))
    .sort();
}
