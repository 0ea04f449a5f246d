import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import * as cheerio from "cheerio";

/** One initial TCP congestion window (10 segments of 1,460 bytes): what arrives in the first round trip. */
export const ONE_ROUND_TRIP_BYTES = 14_600;

/** What one page costs a reader, gzip-compressed. */
export interface PageWeight {
  /** The page's path inside `dist`. */
  page: string;
  /** The HTML alone. */
  htmlBytes: number;
  /** The HTML and every same-site file it needs to render (stylesheets, scripts, fonts, images). */
  totalBytes: number;
  /** The files counted besides the HTML, as paths inside `dist`. */
  resources: string[];
  /** The pictures (`<img>`) it shows, as paths inside `dist`: counted in `totalBytes` unless left out. */
  pictures: string[];
}

const gzipSize = (data: Buffer | string) => gzipSync(data).length;

/**
 * Weighs a built page: its HTML plus everything on this site it makes the
 * browser fetch to render, each gzip-compressed (level 6, the common server
 * default), counted once. `base` is the site's base path, which the built URLs carry.
 * With `pictures: false`, what its `<img>` show is listed, not counted: the
 * text is laid out without them (each has its width and height), and they
 * come after it.
 */
export async function weighPage(
  distDir: string,
  page: string,
  base = "/",
  { pictures = true }: { pictures?: boolean } = {},
): Promise<PageWeight> {
  const html = await readFile(join(distDir, page));
  const $ = cheerio.load(html);
  const resources = new Set<string>();
  const toDistPath = (url: string, from: string): string | undefined => {
    const resolved = new URL(url, new URL(from, "http://site.invalid" + base));
    if (resolved.origin !== "http://site.invalid" || !resolved.pathname.startsWith(base))
      return undefined;
    // A file's name as it is on disk: a URL writes a space as %20.
    const path = decodeURIComponent(resolved.pathname.slice(base.length));
    return path === "" || path.endsWith("/") ? `${path}index.html` : path;
  };
  const cssUrls = (css: string) =>
    [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2]!);
  const pageUrl = page.replace(/index\.html$/, "");

  const pending: { url: string; from: string }[] = [];
  $(
    'link[rel~="stylesheet"], link[rel="preload"], link[rel="modulepreload"], link[rel~="icon"]',
  ).each((_, el) => {
    pending.push({ url: $(el).attr("href") ?? "", from: pageUrl });
  });
  const shown = $("img[src]")
    .map((_, el) => toDistPath($(el).attr("src") ?? "", pageUrl))
    .get();
  $(pictures ? "script[src], img[src]" : "script[src]").each((_, el) => {
    pending.push({ url: $(el).attr("src") ?? "", from: pageUrl });
  });
  $("style").each((_, el) => {
    for (const url of cssUrls($(el).text())) pending.push({ url, from: pageUrl });
  });

  let totalBytes = gzipSize(html);
  while (pending.length > 0) {
    const { url, from } = pending.pop()!;
    if (url === "" || url.startsWith("data:")) continue;
    const path = toDistPath(url, from);
    if (path === undefined || resources.has(path)) continue;
    resources.add(path);
    const body = await readFile(join(distDir, path));
    totalBytes += gzipSize(body);
    // A stylesheet's own fonts and images are part of the render too.
    if (path.endsWith(".css"))
      for (const inner of cssUrls(body.toString("utf8"))) pending.push({ url: inner, from: path });
  }

  return {
    page,
    htmlBytes: gzipSize(html),
    totalBytes,
    resources: [...resources].sort(),
    pictures: shown.sort(),
  };
}
