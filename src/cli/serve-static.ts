/*
 * A built site served from 127.0.0.1 the way a static host serves it, its
 * `_headers` file included: for the tools that open a build in a browser
 * (`npm run bench`'s search probe, `npm run audit`) and for the tests.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { PAGE_FILE } from "../lib/site-urls.ts";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** A static site served on this machine only. */
export interface StaticServer {
  /** The site's origin, such as `http://127.0.0.1:41234`. */
  origin: string;
  /** The site's front page: the origin and the base path. */
  url: string;
  close: () => Promise<void>;
}

/** One rule of a `_headers` file: a URL pattern and the headers it sets. */
export interface HeaderRule {
  /** The pattern as the file writes it: "/reader/_astro/*". */
  path: string;
  pattern: RegExp;
  headers: [string, string][];
}

/** Reads a Netlify / Cloudflare Pages `_headers` file; a `*` matches any run of characters. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim().split("*").map(escapeRegExp).join(".*");
      rules.push({ path: line.trim(), pattern: new RegExp(`^${pattern}$`), headers: [] });
      continue;
    }
    const at = line.indexOf(":");
    rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
  }
  return rules;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}

/** The headers the rules give a path; a header several rules set gets their values joined, as the hosts do. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.pattern.test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
  }
  return headers;
}

/** The file a request path names inside the site, or undefined when it is outside the base or would leave the site. */
function fileFor(root: string, base: string, pathname: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return undefined;
  }
  const path = normalize(join(root, relative));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  return pathname.endsWith("/") ? join(path, PAGE_FILE) : path;
}

/** Where and how a build is served. */
export interface ServeOptions {
  /** The path the site lives under, as its BASE_PATH: "/" (the default) or "/reader/". */
  base?: string;
}

/**
 * Serves a built site from 127.0.0.1 the way static hosts do: `/a/` is
 * `/a/index.html`, `/a` redirects to `/a/`, and a missing page, or any path
 * outside the base, gets the site's 404.html with status 404. Responses carry
 * the headers of the build's `_headers` file, as on Netlify and Cloudflare Pages.
 */
export async function serveStatic(
  root: string,
  { base = "/" }: ServeOptions = {},
): Promise<StaticServer> {
  const rules = await readFile(join(root, "_headers"), "utf8").then(parseHeadersFile, () => []);
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    const headers = headersFor(rules, pathname);
    const file = fileFor(root, base, pathname);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (file && info?.isFile()) {
      response.writeHead(200, {
        ...headers,
        "content-type": contentTypes[extname(file)] ?? "application/octet-stream",
      });
      send(file, response);
    } else if (file && info?.isDirectory()) {
      response.writeHead(301, { location: `${pathname}/` }).end();
    } else {
      response.writeHead(404, { ...headers, "content-type": contentTypes[".html"] });
      send(join(root, "404.html"), response);
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        origin,
        url: `${origin}${base}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/**
 * Streams a file as a response's body. A file that is gone by the time it
 * is read (the site removed under a request still in flight, as a test's
 * clean-up can do, or a site without a 404.html) ends that response, not
 * the process serving it.
 */
function send(file: string, response: ServerResponse): void {
  createReadStream(file)
    .on("error", () => response.destroy())
    .pipe(response);
}
