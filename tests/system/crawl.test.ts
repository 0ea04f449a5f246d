import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { crawl } from "../support/crawl";
import { serveStatic, type StaticServer } from "../../src/cli/serve-static";

// The crawl and the server are what the deploy tests trust; here they must catch faults.
let root: string;
let server: StaticServer;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "broadsheet-crawl-"));
  await mkdir(join(root, "a"));
  await writeFile(
    join(root, "index.html"),
    '<!doctype html><title>x</title><p id="top"><a href="a/">A</a> <a href="a/#there">there</a> ' +
      '<a href="a/#missing">missing</a> <a href="/elsewhere/">outside the base</a> ' +
      '<a href="a">no slash</a> <a href="https://other.example/">other host</a> <img src="b.png" alt="">',
  );
  await writeFile(join(root, "a/index.html"), '<!doctype html><title>a</title><p id="there">');
  await writeFile(join(root, "404.html"), "<!doctype html><title>404</title>");
  await writeFile(join(root, "_headers"), "/base/*\n  X-A: 1\n\n/base/a/*\n  X-A: 2\n  X-B: 3\n");
  server = await serveStatic(root, { base: "/base/" });
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe("crawl", () => {
  test("reports missing pages, missing fragments and links outside the base", async () => {
    const result = await crawl(server.url, "https://site.example/base/", [""]);
    expect(result.pages).toEqual(["https://site.example/base/", "https://site.example/base/a/"]);
    expect(result.broken.map(({ to, reason }) => `${to} ${reason}`).sort()).toEqual([
      "https://site.example/base/a HTTP 301",
      'https://site.example/base/a/#missing no element with id "missing"',
      "https://site.example/base/b.png HTTP 404",
      "https://site.example/elsewhere/ HTTP 404",
    ]);
    expect(result.external.map(({ to }) => to)).toEqual(["https://other.example/"]);
  });
});

test("follows a meta refresh, as a browser would, and reports where it leads nowhere", async () => {
  const moved = await mkdtemp(join(tmpdir(), "broadsheet-crawl-refresh-"));
  const refresh = (to: string) =>
    `<!doctype html><title>moved</title><meta http-equiv="refresh" content="0; url=${to}">`;
  try {
    await mkdir(join(moved, "old"));
    await mkdir(join(moved, "gone"));
    await mkdir(join(moved, "new"));
    await writeFile(
      join(moved, "index.html"),
      '<!doctype html><title>x</title><a href="old/">old</a> <a href="gone/">gone</a>',
    );
    await writeFile(join(moved, "old/index.html"), refresh("/base/new/"));
    await writeFile(join(moved, "gone/index.html"), refresh("/base/nowhere/"));
    await writeFile(join(moved, "new/index.html"), "<!doctype html><title>new</title>");
    await writeFile(join(moved, "404.html"), "<!doctype html><title>404</title>");
    const movedServer = await serveStatic(moved, { base: "/base/" });
    try {
      const result = await crawl(movedServer.url, "https://site.example/base/", [""]);
      expect(result.pages).toContain("https://site.example/base/new/");
      expect(result.broken.map(({ to, via }) => `${to} ${via}`)).toEqual([
        "https://site.example/base/nowhere/ meta refresh",
      ]);
    } finally {
      await movedServer.close();
    }
  } finally {
    await rm(moved, { recursive: true, force: true });
  }
});

describe("serveStatic", () => {
  test("sends the _headers rules that match, joining repeated headers as hosts do", async () => {
    const response = await fetch(`${server.url}a/`);
    expect(response.headers.get("x-a")).toBe("1, 2");
    expect(response.headers.get("x-b")).toBe("3");
    expect((await fetch(server.url)).headers.get("x-b")).toBeNull();
  });
});
