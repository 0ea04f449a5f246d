import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { makeWorkDir, runBuildCommand } from "../support/build";

/** The permission bits of a path, as an octal string such as "755". */
const modeOf = async (path: string) => ((await stat(path)).mode & 0o7777).toString(8);

let parent: string;
let dist: string;
/** What a plain mkdir and a plain write give under this process's umask, which the build inherits. */
let plainDir: string;
let plainFile: string;
beforeAll(async () => {
  parent = await makeWorkDir();
  dist = join(parent, "dist");
  await mkdir(join(parent, "plain-dir"));
  await writeFile(join(parent, "plain-file"), "");
  plainDir = await modeOf(join(parent, "plain-dir"));
  plainFile = await modeOf(join(parent, "plain-file"));
  const result = await runBuildCommand(dist, { CONTENT_DIR: "tests/fixtures/articles/headings" });
  expect(result.exitCode, result.output).toBe(0);
});
afterAll(() => rm(parent, { recursive: true, force: true }));

describe("the dist/ that npm run build makes", () => {
  test("has the mode of a plain mkdir, as every folder in it has, so a web server can read it", async () => {
    console.log(`umask's plain modes: folders ${plainDir}, files ${plainFile}`);
    expect(await modeOf(dist), "dist/").toBe(plainDir);
    const folders = (await readdir(dist, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(entry.parentPath, entry.name));
    expect(folders.length).toBeGreaterThan(1);
    for (const folder of folders)
      expect(await modeOf(folder), relative(dist, folder)).toBe(plainDir);
  });

  test("has files with the mode of a plain write", async () => {
    const files = (await readdir(dist, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(await modeOf(file), relative(dist, file)).toBe(plainFile);
  });
});
