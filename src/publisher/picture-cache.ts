import { lstat, mkdir, readdir, rm, symlink } from "node:fs/promises";
import { join } from "node:path";
import { inputsDigest } from "./inputs.ts";

/*
 * Astro keeps the files it made of pictures in each process's cache folder
 * (`<cacheDir>/assets/`), by the name of the file made: the picture's bytes
 * and how it was made (width, format, crop) name it. What else shapes those
 * bytes is sharp and Astro (the packages), the image settings
 * (astro.config.mjs) and Node: not the pages' code. So the pictures keep a
 * cache of their own, under the digest of those inputs alone, which the
 * content stores (kept under the digest of all the code) link to: a change
 * to a template or the CSS makes every page again and no picture.
 */

/** The inputs (buildInputs' names) that shape a made picture's bytes. */
const PICTURE_INPUTS = ["astro.config.mjs", "package-lock.json", "the Node version"];

/** The digest of what shapes the pictures Astro makes. */
export function picturesDigest(inputs: Readonly<Record<string, string>>): string {
  return inputsDigest(
    Object.fromEntries(PICTURE_INPUTS.map((name) => [name, inputs[name] ?? ""])),
  ).slice(0, 16);
}

/**
 * Links a process's cache folder to its own picture cache, `folder`: each
 * process has one, so no two write a picture at once.
 */
export async function linkPictureCache(cacheDir: string, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  await mkdir(cacheDir, { recursive: true });
  const assets = join(cacheDir, "assets");
  const found = await lstat(assets).catch(() => undefined);
  if (found?.isSymbolicLink()) return;
  // A folder of its own, from before the pictures had their cache: its
  // files are under the old key, and made again once.
  if (found) await rm(assets, { recursive: true, force: true });
  await symlink(folder, assets, "dir");
}

/** Removes the picture caches kept for other packages or settings: they can never serve again. */
export async function removeOtherPictureCaches(root: string, keep: string): Promise<void> {
  for (const name of await readdir(root).catch(() => [])) {
    if (name !== keep) await rm(join(root, name), { recursive: true, force: true });
  }
}
