import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as cheerio from "cheerio";

/** Parses a built page, given by its path inside `dist`. */
export async function loadPage(distDir: string, page: string): Promise<cheerio.CheerioAPI> {
  return cheerio.load(await readFile(join(distDir, page), "utf8"));
}

/** Text with runs of white space folded to one space, as a reader sees it. */
export function readableText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
