import { randomBytes } from "node:crypto";
import { mkdir, readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Makes the empty folder the new site is built in, beside `target` and on the
 * same file system, so that the swap is a rename. It is made by a plain
 * mkdir, so it gets the mode the user's umask gives any folder (0755 under
 * 022), as do the folders made in it; `mkdtemp` would make it 0700, and
 * `dist/` would then be unreadable to a web server running as another user,
 * also once copied with `cp -a`.
 */
export async function makeNextDir(target: string, kind = "next"): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  for (;;) {
    const next = join(
      dirname(target),
      `.${basename(target)}-${kind}-${randomBytes(6).toString("hex")}`,
    );
    try {
      await mkdir(next);
      return next;
    } catch (error) {
      // Another build's folder by that name, however unlikely: draw again.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/**
 * Where a build puts the site it swaps out: beside `target`, hidden, on the
 * same file system. It stays there until the next build, which removes it
 * while its own pages are made (`removeRetired`): removing a site of 1,000
 * articles (8,000 files and folders) took 1.4 to 1.6 s here, a build's
 * last step, which a deploy waits for, and it grows with the archive.
 */
export function retiredDir(target: string): string {
  return join(dirname(target), `${retiredPrefix(target)}${randomBytes(6).toString("hex")}`);
}

/** Removes the sites that earlier builds swapped out of `target` (`retiredDir`). */
export async function removeRetired(target: string): Promise<void> {
  const names = await readdir(dirname(target)).catch(() => []);
  for (const name of names) {
    if (name.startsWith(retiredPrefix(target))) {
      await rm(join(dirname(target), name), { recursive: true, force: true });
    }
  }
}

function retiredPrefix(target: string): string {
  return `.${basename(target)}-retired-`;
}
