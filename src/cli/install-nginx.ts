/**
 * Makes sure the deploy test has an nginx, installing Debian's package with
 * apt-get when none is found and this runs as root (as CI does). `npm test`
 * runs it first, after install-chromium.ts.
 *
 *   node src/cli/install-nginx.ts
 */
import { debianToolInstaller } from "./apt.ts";

/** Where Debian's `nginx` package puts the server. */
export const DEBIAN_NGINX = "/usr/sbin/nginx";

// The package's service is not started: the test runs its own nginx, on
// 127.0.0.1 only.
const nginx = debianToolInstaller(
  {
    name: "nginx",
    package: "nginx",
    pathVariable: "NGINX_PATH",
    user: "Deploy test",
    noServiceStart: true,
  },
  DEBIAN_NGINX,
);

/** The places an nginx may be, best first: `$NGINX_PATH`, then Debian's. */
export const nginxCandidates = nginx.candidates;
/** The first of the candidates that exists. */
export const findNginx = nginx.find;
/** Returns the path of an nginx, installing Debian's first when none is found; throws, saying what to do, when it cannot. */
export const ensureNginx = nginx.ensure;

if (import.meta.main) nginx.main();
