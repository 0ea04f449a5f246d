import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseHeadersFile, serveStatic } from "../../src/cli/serve-static";

describe("parseHeadersFile", () => {
  test("parses _headers patterns with a splat", () => {
    const [rule] = parseHeadersFile("/reader/_astro/*\n  Cache-Control: immutable\n");
    expect(rule?.pattern.test("/reader/_astro/x.css")).toBe(true);
    expect(rule?.pattern.test("/reader/index.html")).toBe(false);
    expect(rule?.headers).toEqual([["Cache-Control", "immutable"]]);
  });
});

describe("serveStatic", () => {
  test("ends a response whose file is gone, and goes on serving", async () => {
    // A site without a 404.html: the file a missing page is answered with is not there.
    const root = await mkdtemp(join(tmpdir(), "broadsheet-serve-"));
    await writeFile(join(root, "index.html"), "<!doctype html><title>Front</title>");
    const server = await serveStatic(root);
    try {
      const missing = await fetch(`${server.url}missing/`)
        .then((response) => response.text().then(() => response.status))
        .catch(() => "ended");
      expect([404, "ended"]).toContain(missing);
      const front = await fetch(server.url);
      expect(front.status).toBe(200);
      expect(await front.text()).toContain("<title>Front</title>");
    } finally {
      await server.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
