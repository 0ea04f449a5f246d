import { cp, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { outputChanges } from "../../src/publisher/output-changes";
import { linkTree, listFiles, removeFiles } from "../../src/publisher/output-tree";
import { useTempDir, writeTree } from "../support/temp-dir";

const tempDir = useTempDir("output-changes");
let previous: string;
let next: string;
beforeEach(async () => {
  previous = join(tempDir(), "dist");
  next = join(tempDir(), ".dist-next");
  await writeTree(previous, {
    "index.html": "front",
    "a/index.html": "A",
    "b/index.html": "B",
    "c/d/index.html": "gone",
    "c/d/card.png": "card",
  });
});

/** What the build must report: the front page and b changed, e added, c/ gone whole. */
const expected = {
  changes: {
    added: ["e/index.html"],
    changed: ["b/index.html", "index.html"],
    removed: ["c/"],
  },
  // "front!" 6 + "A" 1 + "B, again" 8 + "E" 1
  size: { files: 4, bytes: 16 },
};

describe("outputChanges", () => {
  test("compares every file of a new site with the last one", async () => {
    await writeTree(next, {
      "index.html": "front!",
      "a/index.html": "A",
      "b/index.html": "B, again",
      "e/index.html": "E",
    });
    expect(await outputChanges(previous, next)).toEqual(expected);
  });

  test("compares only the files written, in a site carried over as hard links", async () => {
    // As a build starts its new folder.
    await mkdir(next);
    await linkTree(previous, next);
    const carried = await listFiles(next);
    const kept = await removeFiles(
      next,
      carried,
      (path) => path.startsWith("c/") || path === "b/index.html" || path === "index.html",
    );
    await writeTree(next, {
      "index.html": "front!",
      "b/index.html": "B, again",
      "e/index.html": "E",
    });
    const written = ["b/index.html", "e/index.html", "index.html"];
    const files = [...kept, ...written].sort();
    const size = { files: 5, bytes: 5 + 1 + 1 + 4 + 4 };
    expect(await outputChanges(previous, next, { carried, files, written, size })).toEqual(
      expected,
    );
  });

  test("finds nothing changed when every file is written again with the same bytes", async () => {
    await cp(previous, next, { recursive: true });
    expect(await outputChanges(previous, next)).toEqual({
      changes: { added: [], changed: [], removed: [] },
      size: { files: 5, bytes: 15 },
    });
  });
});
