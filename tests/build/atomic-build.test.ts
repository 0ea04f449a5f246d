import { createHash } from "node:crypto";
import { cp, readdir, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, inject, test } from "vitest";
import { makeWorkDir, runBuildCommand, startBuildCommand } from "../support/build";

/** Every file and folder under `dir`, with its bytes' hash and its modification time. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const result: Record<string, string> = {};
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    const { mtimeMs } = await stat(path);
    const hash = entry.isFile()
      ? createHash("sha256")
          .update(await readFile(path))
          .digest("hex")
      : "dir";
    result[path.slice(dir.length)] = `${hash} ${mtimeMs}`;
  }
  return result;
}

let parent: string;
let dist: string;
beforeEach(async () => {
  // The last good site: a copy of the suite's shared build, inside the
  // project as the real dist/ is.
  parent = await makeWorkDir();
  dist = join(parent, "dist");
  await cp(inject("distDir"), dist, { recursive: true });
});
afterEach(() => rm(parent, { recursive: true, force: true }));

describe("npm run build", () => {
  test("leaves the previous dist/ byte for byte as it was when the build fails", async () => {
    const before = await snapshot(dist);
    expect(Object.keys(before)).toContain("/index.html");

    const result = await runBuildCommand(dist, {
      CONTENT_DIR: "tests/fixtures/bad-articles/unknown-key",
    });

    expect(result.exitCode).toBe(1);
    expect(result.output).toContain("`hedline` is not a field — did you mean `headline`?");
    expect(result.output).toContain(`The build failed, so ${dist}/ was left as it was.`);
    expect(await snapshot(dist)).toEqual(before);
    // Nothing of the failed build is left beside it.
    expect(await readdir(parent)).toEqual(["dist"]);
  });

  test("leaves the previous dist/ as it was when the build is stopped halfway", async () => {
    const before = await snapshot(dist);
    // Stopped once Astro has started writing pages into the new folder.
    const build = await startBuildCommand(dist, { ASTRO_CACHE_DIR: join(parent, ".cache") });
    // The new site is being written beside the old one.
    expect((await readdir(parent)).some((name) => name.startsWith(".dist-next-"))).toBe(true);

    expect(await build.stop("SIGTERM")).not.toBe(0);
    expect(await snapshot(dist)).toEqual(before);
    expect((await readdir(parent)).filter((name) => name !== ".cache")).toEqual(["dist"]);
  });

  test("replaces dist/ with the new site when the whole build succeeds", async () => {
    const result = await runBuildCommand(dist, {
      CONTENT_DIR: "tests/fixtures/articles/headings",
      SITE_URL: "https://news.example.org",
      BASE_PATH: "/reader/",
    });

    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain(`The new site is in ${dist}/.`);
    // The environment reached Astro.
    const front = await readFile(join(dist, "index.html"), "utf8");
    expect(front).toContain('href="https://news.example.org/reader/"');
    expect(front).toContain('href="/reader/favicon.svg"');
    const pages = Object.keys(await snapshot(dist));
    expect(pages).toContain("/articles/2024-03-02/sections-of-every-kind/index.html");
    // Nothing of the old site is left in it, or beside it: the build changed
    // every file, so the next one starts from a twin of the new site, hidden
    // beside it, made of hard links to its files.
    expect(pages.some((page) => page.includes("putin"))).toBe(false);
    // Beside it too, the list of what the build changed, for a deploy.
    const beside = (await readdir(parent)).filter((name) => name !== "dist").sort();
    expect(beside).toEqual([
      expect.stringMatching(/^\.dist-retired-[0-9a-f]{12}$/),
      "dist-changes.txt",
    ]);
    const twin = join(parent, beside[0]!);
    expect(Object.keys(await snapshot(twin)).sort()).toEqual(pages.sort());
    const index = "articles/2024-03-02/sections-of-every-kind/index.html";
    expect((await stat(join(twin, index))).ino).toBe((await stat(join(dist, index))).ino);
  });

  test("keeps beside dist/ only the one site the next build starts from", async () => {
    const settings = { CONTENT_DIR: "tests/fixtures/articles/headings" };
    const first = await runBuildCommand(dist, settings);
    expect(first.exitCode, first.output).toBe(0);
    const others = async () =>
      (await readdir(parent)).filter((name) => name !== "dist" && name !== "dist-changes.txt");
    const [kept] = await others();
    const second = await runBuildCommand(dist, settings, { args: ["--full"] });
    expect(second.exitCode, second.output).toBe(0);
    const beside = await others();
    expect(beside).toHaveLength(1);
    expect(beside[0]).toMatch(/^\.dist-retired-/);
    expect(beside[0]).not.toBe(kept);
  });

  test("builds a dist/ where there was none", async () => {
    await rm(dist, { recursive: true });
    const result = await runBuildCommand(dist, { CONTENT_DIR: "tests/fixtures/articles/headings" });
    expect(result.exitCode, result.output).toBe(0);
    expect(await readdir(dist)).toContain("index.html");
  });
});
