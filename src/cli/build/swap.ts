import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
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
