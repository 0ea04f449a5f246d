import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { weighPage } from "../support/page-weight";

// A tiny built site whose page pulls in a stylesheet that pulls in a font.
let dist: string;
const files: Record<string, string> = {
  "reader/index.html":
    '<link rel="stylesheet" href="/reader/_astro/a.css"><script type="module" src="/reader/_astro/m.js"></script>' +
    '<img src="../reader/logo.svg"><a href="/reader/other/">x</a><img src="https://cdn.example/x.png">',
  "_astro/a.css":
    "@font-face{src:url(./f.woff2)} body{background:url('data:image/png;base64,AAAA')}",
  "_astro/f.woff2": "FONTDATA".repeat(100),
  "_astro/m.js": "console.log(1)",
  "logo.svg": "<svg></svg>",
};

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), "broadsheet-weight-"));
  for (const [path, body] of Object.entries(files)) {
    const target = join(dist, path.replace(/^reader\//, ""));
    await mkdir(join(target, ".."), { recursive: true });
    await writeFile(target, body);
  }
});
afterAll(() => rm(dist, { recursive: true, force: true }));

describe("weighPage", () => {
  test("counts the HTML and each same-site file it needs, gzip-compressed, under a base path", async () => {
    const weight = await weighPage(dist, "index.html", "/reader/");
    expect(weight.resources).toEqual(["_astro/a.css", "_astro/f.woff2", "_astro/m.js", "logo.svg"]);
    const expected = Object.values(files).reduce((sum, body) => sum + gzipSync(body).length, 0);
    expect(weight.totalBytes).toBe(expected);
    expect(weight.htmlBytes).toBe(gzipSync(files["reader/index.html"]!).length);
  });
});
