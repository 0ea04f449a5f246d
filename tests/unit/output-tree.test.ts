import { readdir, readFile, rm, rmdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { expect, test } from "vitest";
import { catchUp, linkTree, listFiles, removeFiles } from "../../src/publisher/output-tree";
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

test("catchUp makes an earlier site the later one, as hard links to its files, from the changes between them", async () => {
  const dir = tempDir();
  const [earlier, later] = [join(dir, "earlier"), join(dir, "later")];
  await writeTree(earlier, {
    "index.html": "front, before",
    "articles/2015-11-15/putin/index.html": "putin",
    "articles/2015-11-14/gone/index.html": "gone",
    "archive/2015/11/index.html": "the month of the gone article",
    "archive/2015/11/14/index.html": "the day of the gone article",
    "topics/g-20/index.html": "g-20",
  });
  // The later site: the earlier one linked, then changed as a build changes it.
  await linkTree(earlier, later);
  await rm(join(later, "index.html"));
  await writeTree(later, {
    "index.html": "front, after",
    "articles/2016-01-02/new/index.html": "new",
  });
  await rm(join(later, "articles/2015-11-14"), { recursive: true });
  await rm(join(later, "archive/2015/11/14/index.html"));
  await rmdir(join(later, "archive/2015/11/14"));
  const changes = {
    added: ["articles/2016-01-02/new/index.html"],
    changed: ["index.html"],
    removed: ["archive/2015/11/14/index.html", "articles/2015-11-14/"],
  };

  await catchUp(later, earlier, changes);
  const inodes = async (root: string) => {
    const files = (await readdir(root, { recursive: true })).sort();
    return Promise.all(files.map(async (path) => [path, (await stat(join(root, path))).ino]));
  };
  const [caught, wanted] = await Promise.all([inodes(earlier), inodes(later)]);
  // Every file and folder, and each file the very file of the later site.
  expect(caught.map(([path]) => path)).toEqual(wanted.map(([path]) => path));
  const files = (await listFiles(later)).sort();
  for (const path of files) {
    expect((await stat(join(earlier, path))).ino, path).toBe((await stat(join(later, path))).ino);
  }
  expect(await readFile(join(earlier, "index.html"), "utf8")).toBe("front, after");
});
