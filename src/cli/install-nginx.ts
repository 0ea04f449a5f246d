/**
 * Makes sure the deploy test has an nginx, installing Debian's package with
 * apt-get when none is found and this runs as root (as CI does). `npm test`
 * runs it first, after install-chromium.ts.
 *
 *   node src/cli/install-nginx.ts
 */
import { aptInstall, canUseApt, firstExisting, type EnsureOptions } from "./apt.ts";

/** Where Debian's `nginx` package puts the server. */
export const DEBIAN_NGINX = "/usr/sbin/nginx";

/** The places an nginx may be, best first: `$NGINX_PATH`, then Debian's. */
export function nginxCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  return [env["NGINX_PATH"], DEBIAN_NGINX].filter(
    (path): path is string => path !== undefined && path !== "",
  );
}

/** The first of the candidates that exists. */
export function findNginx(candidates: readonly string[] = nginxCandidates()): string | undefined {
  return firstExisting(candidates);
}

/**
 * Returns the path of an nginx, installing Debian's first when none is found.
 * The package's service is not started: the test runs its own nginx, on
 * 127.0.0.1 only. Throws, saying what to do, when it cannot install one.
 */
export function ensureNginx(options: EnsureOptions = {}): string {
  const {
    candidates = () => nginxCandidates(),
    canUseApt: aptAllowed = canUseApt(),
    env = process.env,
    log = console.log,
    commandOutput = "inherit",
  } = options;

  const found = findNginx(candidates());
  if (found) {
    log(`Deploy test: nginx found at ${found}.`);
    return found;
  }

  log("Deploy test: no nginx found.");
  let tried: string;
  if (aptAllowed) {
    log("Deploy test: installing Debian's nginx package with apt-get (its service left stopped)…");
    const installed = aptInstall(["nginx"], { env, stdio: commandOutput, noServiceStart: true });
    const path = installed ? findNginx(candidates()) : undefined;
    if (path) {
      log(`Deploy test: installed nginx at ${path}.`);
      return path;
    }
    tried = installed
      ? "apt-get installed the nginx package, yet no nginx was found"
      : "apt-get install nginx failed";
  } else {
    tried = "apt-get was not used (it needs root and apt-get)";
  }

  throw new Error(
    `No nginx for the deploy test, and none could be installed: ${tried}. ` +
      `Install Debian's nginx package (sudo apt-get install nginx), or set NGINX_PATH ` +
      `to an nginx executable, then run npm test again.`,
  );
}

if (import.meta.main) {
  try {
    ensureNginx();
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
