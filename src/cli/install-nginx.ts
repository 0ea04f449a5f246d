/**
 * Makes sure the deploy test has an nginx, installing Debian's package with
 * apt-get when none is found and this runs as root (as CI does). `npm test`
 * runs it first, after install-chromium.ts.
 *
 *   node src/cli/install-nginx.ts
 */
import { ensureDebianTool, firstExisting, type EnsureOptions } from "./apt.ts";

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
  const { candidates = () => nginxCandidates(), ...rest } = options;
  return ensureDebianTool(
    {
      name: "nginx",
      package: "nginx",
      pathVariable: "NGINX_PATH",
      user: "Deploy test",
      noServiceStart: true,
    },
    candidates,
    rest,
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
