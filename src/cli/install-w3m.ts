/**
 * Makes sure the text-browser test has w3m, installing Debian's package with
 * apt-get when none is found and this runs as root (as CI does). `npm test`
 * runs it first, with the other installers.
 *
 *   node src/cli/install-w3m.ts
 */
import { debianToolInstaller } from "./apt.ts";

/** Where Debian's `w3m` package puts the browser. */
export const DEBIAN_W3M = "/usr/bin/w3m";

const w3m = debianToolInstaller(
  { name: "w3m", package: "w3m", pathVariable: "W3M_PATH", user: "Text-browser test" },
  DEBIAN_W3M,
);

/** The places a w3m may be, best first: `$W3M_PATH`, then Debian's. */
export const w3mCandidates = w3m.candidates;
/** The first of the candidates that exists. */
export const findW3m = w3m.find;
/** Returns the path of a w3m, installing Debian's first when none is found; throws, saying what to do, when it cannot. */
export const ensureW3m = w3m.ensure;

if (import.meta.main) w3m.main();
