import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { mapLimited } from "../lib/concurrency.ts";
import { isPictureFile } from "../lib/pictures.ts";
import { articleOfKey } from "../lib/page-keys.ts";
import { articleRoutePath } from "../lib/site-urls.ts";
import { ASSETS_DIR } from "./join.ts";
import type { BuildManifest } from "./manifest.ts";

/*
 * Astro writes the pictures it makes (each in several sizes and formats)
 * into `_astro/`, named by their source and how they were made: no page key
 * owns them. The manifest keeps, for each article that shows pictures, the
 * files its page uses, and every build removes the picture files no
 * article's page uses (a listings process also makes the pictures of the
 * feeds' articles it bundles), so it leaves what a build from nothing would.
 */

/** A URL into `_astro/` in a page's HTML: the file's name is its group. */
const ASSET_URL = new RegExp(`/${ASSETS_DIR}/([^"'\\s,?#)]+)`, "g");

/**
 * The picture files under `_astro/` a page's HTML refers to, by their names
 * on disk ("_astro/crowd.Ab12_Cd34.webp", "_astro/the crowd.Ab12.jpg" for
 * "the%20crowd.Ab12.jpg").
 */
export function pictureFilesOfPage(html: string): string[] {
  const found = new Set<string>();
  for (const [, written] of html.matchAll(ASSET_URL)) {
    const name = written && decodedName(written);
    if (name && isPictureFile(name)) found.add(`${ASSETS_DIR}/${name}`);
  }
  return [...found].sort();
}

/** A file's name from its URL-encoded form; undefined when it is not one. */
function decodedName(written: string): string | undefined {
  try {
    return decodeURIComponent(written);
  } catch {
    return undefined;
  }
}

/** The picture files each article's page used, by the article's path, as a manifest recorded them. */
export function recordedPictureFiles(manifest: BuildManifest): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(manifest.articles).flatMap(([path, { pictureFiles }]) =>
      pictureFiles ? [[path, pictureFiles]] : [],
    ),
  );
}

/** An article as the picture bookkeeping sees it. */
export interface PictureArticle {
  /** Its file, relative to the content folder. */
  path: string;
  /** Whether the scan found pictures in its text. */
  pictures: boolean;
  /** Its page keys now: its own page's is among them. */
  keys: readonly string[];
  /** The picture files its page used, as the last build recorded them. */
  recorded?: readonly string[] | undefined;
}

/**
 * The picture files each article's page uses, by the article's path: read
 * from the page when this build made it (`made`, given the page's path in
 * the site), whatever the scan found in its text; kept from the manifest
 * otherwise, or read when the manifest has none and the scan found
 * pictures. Articles whose pages use none are left out.
 */
export async function pictureFilesOfArticles(
  site: string,
  articles: readonly PictureArticle[],
  made: (page: string) => boolean,
): Promise<Map<string, string[]>> {
  const files = new Map<string, string[]>();
  await mapLimited(articles, 32, async ({ path, pictures, keys, recorded }) => {
    const params = keys.map(articleOfKey).find((each) => each !== undefined);
    if (!params) return;
    const page = `${articleRoutePath(params)}index.html`;
    const read = made(page) || (recorded === undefined && pictures);
    const used = read
      ? pictureFilesOfPage(await readFile(join(site, page), "utf8"))
      : (recorded ?? []);
    if (used.length > 0) files.set(path, [...used]);
  });
  return files;
}

/** The picture files under `_astro/` among `files` that no article in `used` uses. */
export function unusedPictureFiles(
  files: readonly string[],
  used: ReadonlyMap<string, readonly string[]>,
): Set<string> {
  const kept = new Set([...used.values()].flat());
  return new Set(
    files.filter(
      (path) => path.startsWith(`${ASSETS_DIR}/`) && isPictureFile(path) && !kept.has(path),
    ),
  );
}
