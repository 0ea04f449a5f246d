import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

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
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** A static site served on this machine only. */
export interface StaticServer {
  /** The site's origin, such as `http://127.0.0.1:41234`. */
  origin: string;
  close: () => Promise<void>;
}

/** The file a request path names inside the site, or undefined when it would leave it. */
function fileFor(root: string, pathname: string): string | undefined {
  const path = normalize(join(root, decodeURIComponent(pathname)));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  return pathname.endsWith("/") ? join(path, "index.html") : path;
}

/**
 * Serves a built site from 127.0.0.1 the way static hosts do: `/a/` is
 * `/a/index.html`, `/a` redirects to `/a/`, and a missing page gets the
 * site's 404.html with status 404.
 */
export function serveStatic(root: string): Promise<StaticServer> {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    const file = fileFor(root, pathname);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (file && info?.isFile()) {
      response.writeHead(200, {
        "content-type": contentTypes[extname(file)] ?? "application/octet-stream",
      });
      createReadStream(file).pipe(response);
    } else if (file && info?.isDirectory()) {
      response.writeHead(301, { location: `${pathname}/` }).end();
    } else {
      response.writeHead(404, { "content-type": contentTypes[".html"] });
      createReadStream(join(root, "404.html")).pipe(response);
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
