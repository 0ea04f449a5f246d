/**
 * Makes sure the browser tests have a Chromium, installing one when none is
 * found: Debian's package when this runs as root with apt-get (as CI does),
 * otherwise Playwright's own download. `npm test` runs it first.
 *
 *   node src/cli/install-chromium.ts
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { aptInstall, canUseApt, firstExisting, run, type EnsureOptions } from "./apt.ts";

export { canUseApt };

/** Where Debian's `chromium` package puts the browser. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * Chromium's flags for this machine's closed network: no background
 * connections, nothing fetched at start. Every launch also needs a fresh
 * `--user-data-dir` (Playwright adds its own; chrome-launcher takes one).
 */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const require = createRequire(import.meta.url);

/** Where Playwright's own download of Chromium lives, once installed. */
export function playwrightChromium(): string | undefined {
  try {
    const { chromium } = require("playwright-core") as typeof import("playwright-core");
    return chromium.executablePath();
  } catch {
    // Playwright has no build for this platform.
    return undefined;
  }
}

/** The places a Chromium may be, best first: `$CHROMIUM_PATH`, Debian's, Playwright's. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  return [env["CHROMIUM_PATH"], DEBIAN_CHROMIUM, playwrightChromium()].filter(
    (path): path is string => path !== undefined && path !== "",
  );
}

/** The first of the candidates that exists. */
export function findChromium(
  candidates: readonly string[] = chromiumCandidates(),
): string | undefined {
  return firstExisting(candidates);
}

/**
 * Returns the path of a Chromium, installing one first when none is found.
 * Throws, saying what was tried, when no way of installing one worked.
 */
export function ensureChromium(options: EnsureOptions = {}): string {
  const {
    candidates = () => chromiumCandidates(),
    canUseApt: aptAllowed = canUseApt(),
    env = process.env,
    log = console.log,
    commandOutput = "inherit",
  } = options;

  const found = findChromium(candidates());
  if (found) {
    log(`Browser tests: Chromium found at ${found}.`);
    return found;
  }

  log("Browser tests: no Chromium found.");
  const tried: string[] = [];
  if (aptAllowed) {
    log("Browser tests: installing Debian's chromium package with apt-get…");
    const installed = aptInstall(["chromium", "fonts-liberation"], { env, stdio: commandOutput });
    const path = installed ? findChromium(candidates()) : undefined;
    if (path) {
      log(`Browser tests: installed Chromium at ${path}.`);
      return path;
    }
    tried.push(
      installed
        ? "apt-get installed the chromium package, yet no Chromium was found"
        : "apt-get install chromium failed",
    );
  } else {
    tried.push("apt-get was not used (it needs root and apt-get)");
  }

  log("Browser tests: installing Playwright's own Chromium download…");
  const cli = join(dirname(require.resolve("playwright-core/package.json")), "cli.js");
  if (
    run(process.execPath, [cli, "install", "--no-shell", "chromium"], { env, stdio: commandOutput })
  ) {
    const path = findChromium(candidates());
    if (path) {
      log(`Browser tests: installed Chromium at ${path}.`);
      return path;
    }
  }
  tried.push("Playwright's download failed");

  throw new Error(
    `No Chromium for the browser tests, and none could be installed: ${tried.join("; ")}. ` +
      `Install Debian's chromium package (apt-get install chromium), or set CHROMIUM_PATH ` +
      `to a Chromium or Chrome executable, then run npm test again.`,
  );
}

if (import.meta.main) {
  try {
    ensureChromium();
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
