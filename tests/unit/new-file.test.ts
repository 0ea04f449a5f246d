import { link, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { writeNewFile } from "../../src/publishing/new-file";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "broadsheet-new-file-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test("writeNewFile leaves a hard link's other name with its bytes, as the served site's file", async () => {
  await writeFile(join(dir, "served.xml"), "<old/>");
  await link(join(dir, "served.xml"), join(dir, "next.xml"));
  await writeNewFile(join(dir, "next.xml"), "<new/>");
  expect(await readFile(join(dir, "next.xml"), "utf8")).toBe("<new/>");
  expect(await readFile(join(dir, "served.xml"), "utf8")).toBe("<old/>");
  // Nothing is left of the write beside it.
  expect((await readdir(dir)).sort()).toEqual(["next.xml", "served.xml"]);
});
