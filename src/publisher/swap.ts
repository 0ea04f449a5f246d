import { randomBytes } from "node:crypto";
import { mkdir, readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { swapIn } from "../publishing/swap-in.ts";

/*
 * The folders beside the output: the next site, built in `.dist-next-<id>/`
 * and swapped in whole, so a static host never gets half a site; and the
 * site it replaced, kept as `.dist-retired-<id>/` until the next build
 * removes it while its own pages are made: removing a site of 1,000
 * articles (8,000 files and folders) took 1.4 to 1.6 s here, a step a
 * deploy would wait for, and it grows with the archive.
 */

/** A new name beside `target`, on the same file system, so that the swap is a rename. */
function siblingName(target: string, kind: "next" | "retired"): string {
  return join(dirname(target), `${siblingPrefix(target, kind)}${randomBytes(6).toString("hex")}`);
}

function siblingPrefix(target: string, kind: "next" | "retired"): string {
  return `.${basename(target)}-${kind}-`;
}

/**
 * Makes the empty folder the new site is built in. It is made by a plain
 * mkdir, so it gets the mode the user's umask gives any folder (0755 under
 * 022), as do the folders made in it; `mkdtemp` would make it 0700, and
 * `dist/` would then be unreadable to a web server running as another user,
 * also once copied with `cp -a`.
 */
export async function makeNextDir(target: string): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  for (;;) {
    const next = siblingName(target, "next");
    try {
      await mkdir(next);
      return next;
    } catch (error) {
      // Another build's folder by that name, however unlikely: draw again.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/** Puts the finished `next` in place of `target`, keeping the old site beside it for the next build to remove. */
export async function putInPlace(next: string, target: string): Promise<void> {
  await swapIn(next, target, siblingName(target, "retired"), { keepPrevious: true });
}

/** Removes the sites that earlier builds swapped out of `target`. */
export async function removeRetired(target: string): Promise<void> {
  const names = await readdir(dirname(target)).catch(() => []);
  for (const name of names) {
    if (name.startsWith(siblingPrefix(target, "retired"))) {
      await rm(join(dirname(target), name), { recursive: true, force: true });
    }
  }
}
