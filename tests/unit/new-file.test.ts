import { link, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, test } from "vitest";
import { writeNewFile } from "../../src/publishing/new-file";
import { useTempDir } from "../support/temp-dir";

const tempDir = useTempDir("new-file");

test("writeNewFile leaves a hard link's other name with its bytes, as the served site's file", async () => {
  const dir = tempDir();
  await writeFile(join(dir, "served.xml"), "<old/>");
  await link(join(dir, "served.xml"), join(dir, "next.xml"));
  await writeNewFile(join(dir, "next.xml"), "<new/>");
  expect(await readFile(join(dir, "next.xml"), "utf8")).toBe("<new/>");
  expect(await readFile(join(dir, "served.xml"), "utf8")).toBe("<old/>");
  // Nothing is left of the write beside it.
  expect((await readdir(dir)).sort()).toEqual(["next.xml", "served.xml"]);
});
