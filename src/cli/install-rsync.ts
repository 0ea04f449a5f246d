/**
 * Makes sure the rsync deploy test has rsync, installing Debian's package
 * with apt-get when none is found and this runs as root (as CI does).
 * `npm test` runs it first, with the other installers.
 *
 *   node src/cli/install-rsync.ts
 */
import { debianToolInstaller } from "./apt.ts";

/** Where Debian's `rsync` package puts it. */
export const DEBIAN_RSYNC = "/usr/bin/rsync";

const rsync = debianToolInstaller(
  { name: "rsync", package: "rsync", pathVariable: "RSYNC_PATH", user: "Deploy test" },
  DEBIAN_RSYNC,
);

/** The first of the places an rsync may be that exists: `$RSYNC_PATH`, then Debian's. */
export const findRsync = rsync.find;

if (import.meta.main) rsync.main();
