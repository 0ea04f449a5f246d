import { readdir } from "node:fs/promises";
import { expect, test } from "vitest";
import { removeFiles } from "../../src/publisher/output-tree";
import { useTempDir, writeTree } from "../support/temp-dir";

const tempDir = useTempDir("output-tree");

test("removeFiles removes the files it picks and the folders they leave empty, and returns the rest", async () => {
  const dir = tempDir();
  const files = [
    "index.html",
    "articles/2015-11-15/putin/index.html",
    "articles/2015-11-15/obama/index.html",
    "topics/g-20/index.html",
    "topics/g-20/page/2/index.html",
  ];
  await writeTree(dir, Object.fromEntries(files.map((file) => [file, file])));
  const asked: string[] = [];
  const kept = await removeFiles(dir, files, (path) => {
    asked.push(path);
    return path.includes("putin") || path.startsWith("topics/");
  });

  expect(kept).toEqual(["index.html", "articles/2015-11-15/obama/index.html"]);
  // Each path is judged once.
  expect(asked).toEqual(files);
  expect((await readdir(dir, { recursive: true })).sort()).toEqual([
    "articles",
    "articles/2015-11-15",
    "articles/2015-11-15/obama",
    "articles/2015-11-15/obama/index.html",
    "index.html",
  ]);
});
