import type { SiteLocation } from "../lib/site-urls.ts";

/** Where the built site will be served, as `SITE_URL` and `BASE_PATH` say. */
export interface Deployment extends SiteLocation {
  /** The absolute origin, without a trailing slash: "https://news.example.org". */
  site: string;
  /** True when `SITE_URL` was not given and the local default was used. */
  siteIsDefault: boolean;
}

/** The origin of a build made without `SITE_URL`: where `npm start` serves it. */
export const DEFAULT_SITE_URL = "http://localhost:4321";

/** A deployment setting that cannot be used; its message says which and why. */
export class DeploymentSettingError extends Error {
  override name = "DeploymentSettingError";
}

/** Reads `SITE_URL` and `BASE_PATH`; empty values count as unset, as CI systems often pass them. */
export function resolveDeployment(env: Record<string, string | undefined>): Deployment {
  const siteUrl = env["SITE_URL"]?.trim() || undefined;
  const basePath = env["BASE_PATH"]?.trim() || undefined;
  return {
    site: parseSiteUrl(siteUrl ?? DEFAULT_SITE_URL),
    base: parseBasePath(basePath ?? "/"),
    siteIsDefault: siteUrl === undefined,
  };
}

/** Checks that `SITE_URL` is an absolute http(s) origin and returns it without a trailing slash. */
export function parseSiteUrl(value: string): string {
  const problem = `SITE_URL must be an absolute http(s) origin such as https://news.example.org, but it is "${value}"`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DeploymentSettingError(`${problem}: not an absolute URL.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new DeploymentSettingError(`${problem}: the scheme must be http or https.`);
  }
  if (url.username || url.password) {
    throw new DeploymentSettingError(`${problem}: it must not carry a user name or password.`);
  }
  // A path here would be silently dropped or doubled; the path belongs in BASE_PATH.
  if (url.pathname !== "/" || url.search || url.hash || /[?#]/.test(value)) {
    throw new DeploymentSettingError(
      `${problem}: it must have no path, query or fragment. Put a subpath such as /reader/ in BASE_PATH.`,
    );
  }
  return url.origin;
}

/** A path segment that needs no escaping in a URL and is not "." or "..". */
const safeSegment = /^(?!\.{1,2}$)[A-Za-z0-9._~-]+$/;

/** Checks `BASE_PATH` and writes it with a slash at each end: "reader" → "/reader/". */
export function parseBasePath(value: string): string {
  // The slash at either end is optional; everything between must be clean segments.
  const inner = value.replace(/^\/|\/$/g, "");
  if (inner === "") return "/";
  const bad = inner.split("/").find((segment) => !safeSegment.test(segment));
  if (bad !== undefined) {
    const why = bad === "" ? "a doubled slash" : `the segment "${bad}"`;
    throw new DeploymentSettingError(
      `BASE_PATH must be a path such as /reader/ made of letters, digits and . _ ~ -, ` +
        `but "${value}" has ${why}.`,
    );
  }
  return `/${inner}/`;
}
