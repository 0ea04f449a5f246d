import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";

/** A static host serving a build under a base path, as GitHub Pages serves a project site. */
export interface StaticServer {
  /** The server's origin: "http://127.0.0.1:PORT". */
  origin: string;
  /** The site's front page: origin + base. */
  url: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
};

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

/**
 * Serves `root` under `base` on 127.0.0.1, the way a plain static host does:
 * a folder's URL (with its trailing slash) serves its index.html, anything
 * outside the base or not in the build answers 404 with the site's 404 page.
 * It sends the headers of the build's `_headers` file, joining a header set
 * by several rules with ", " as Netlify and Cloudflare Pages do.
 */
export async function serveStatic(root: string, base: string): Promise<StaticServer> {
  const rules = await readFile(join(root, "_headers"), "utf8").then(parseHeadersFile, () => []);
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? "/", "http://localhost").pathname;
      const headers = new Map<string, string>();
      for (const rule of rules) {
        if (!rule.pattern.test(path)) continue;
        for (const [name, value] of rule.headers) {
          const previous = headers.get(name);
          headers.set(name, previous === undefined ? value : `${previous}, ${value}`);
        }
      }
      const file = await fileFor(root, base, path);
      if (file === undefined) {
        const notFound = await readFile(join(root, "404.html")).catch(() =>
          Buffer.from("Not found"),
        );
        response.writeHead(404, {
          ...Object.fromEntries(headers),
          "Content-Type": contentTypes[".html"],
        });
        response.end(notFound);
        return;
      }
      const type = contentTypes[extname(file)] ?? "application/octet-stream";
      response.writeHead(200, { ...Object.fromEntries(headers), "Content-Type": type });
      response.end(request.method === "HEAD" ? undefined : await readFile(file));
    })().catch(() => {
      response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolveListen) => server.listen(0, "127.0.0.1", resolveListen));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    close: () => new Promise((resolveClose) => server.close(() => resolveClose())),
  };
}

/** The file a URL path names inside the build, or undefined when there is none. */
async function fileFor(root: string, base: string, path: string): Promise<string | undefined> {
  if (!path.startsWith(base)) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(path.slice(base.length));
  } catch {
    return undefined;
  }
  const absolute = resolve(
    root,
    relative.endsWith("/") || relative === "" ? `${relative}index.html` : relative,
  );
  if (absolute !== resolve(root) && !absolute.startsWith(resolve(root) + sep)) return undefined;
  const info = await stat(absolute).catch(() => undefined);
  // A folder without its trailing slash is not a page: every link must carry the slash.
  return info?.isFile() ? absolute : undefined;
}
