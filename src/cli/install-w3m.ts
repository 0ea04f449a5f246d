/**
 * Makes sure the text-browser test has w3m, installing Debian's package with
 * apt-get when none is found and this runs as root (as CI does). `npm test`
 * runs it first, with the other installers.
 *
 *   node src/cli/install-w3m.ts
 */
import { ensureDebianTool, firstExisting, type EnsureOptions } from "./apt.ts";

/** Where Debian's `w3m` package puts the browser. */
export const DEBIAN_W3M = "/usr/bin/w3m";

/** The places a w3m may be, best first: `$W3M_PATH`, then Debian's. */
export function w3mCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  return [env["W3M_PATH"], DEBIAN_W3M].filter(
    (path): path is string => path !== undefined && path !== "",
  );
}

/** The first of the candidates that exists. */
export function findW3m(candidates: readonly string[] = w3mCandidates()): string | undefined {
  return firstExisting(candidates);
}

/** Returns the path of a w3m, installing Debian's first when none is found; throws, saying what to do, when it cannot. */
export function ensureW3m(options: EnsureOptions = {}): string {
  const { candidates = () => w3mCandidates(), ...rest } = options;
  return ensureDebianTool(
    { name: "w3m", package: "w3m", pathVariable: "W3M_PATH", user: "Text-browser test" },
    candidates,
    rest,
  );
}

if (import.meta.main) {
  try {
    ensureW3m();
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
