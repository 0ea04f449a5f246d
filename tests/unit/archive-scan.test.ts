import { stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fileStamp, scanArchive, type KnownFiles } from "../../src/publisher/archive";
import { useTempDir, writeTree } from "../support/temp-dir";

/*
 * The build command reads the archive before it plans: a file whose stamp
 * (size, inode, times) is what the last build saw is not read again.
 */

const folder = useTempDir("archive-scan");

const article = (headline: string) =>
  [
    "---",
    `headline: ${headline}`,
    "bullets: [One]",
    "byline: { authors: [Robert Hutton], organisation: Bloomberg }",
    "published: 2015-11-15",
    "timezone: Europe/Istanbul",
    "---",
    "",
    "Text.",
    "",
  ].join("\n");

/** A clock a minute on, by which every file here has settled. */
const later = () => Date.now() + 60_000;

/** What a build remembers of its scan, as the manifest keeps it. */
const remembered = (files: Awaited<ReturnType<typeof scanArchive>>): KnownFiles =>
  Object.fromEntries(files.map(({ path, ...rest }) => [path, rest]));

describe("scanArchive", () => {
  test("does not read again a file whose stamp is the one remembered", async () => {
    await writeTree(folder(), { "a.md": article("Putin Goes"), "b.md": article("Obama Talks") });
    const first = await scanArchive(folder(), {}, later());
    expect(first.map(({ path, month }) => [path, month])).toEqual([
      ["a.md", "2015-11"],
      ["b.md", "2015-11"],
    ]);
    expect(first.every(({ stamp }) => stamp !== undefined)).toBe(true);
    // Had it read the file, it would have found the real digest, not this one.
    const { "a.md": a, ...others } = remembered(first);
    const known = { ...others, "a.md": { ...a!, digest: "what the last build read" } };
    const again = await scanArchive(folder(), known, later());
    expect(again.find(({ path }) => path === "a.md")?.digest).toBe("what the last build read");
    expect(again.find(({ path }) => path === "b.md")).toEqual(first[1]);
  });

  test("reads a file again when it changed, even to bytes of the same length", async () => {
    await writeTree(folder(), { "a.md": article("Putin Goes") });
    const [first] = await scanArchive(folder(), {}, later());
    await writeFile(join(folder(), "a.md"), article("Putin Gone"));
    const [again] = await scanArchive(folder(), remembered([first!]), later());
    expect(again!.digest).not.toBe(first!.digest);
    expect(again!.frontmatter?.headline).toBe("Putin Gone");
  });

  test("keeps no stamp for a file changed in the last few seconds, which a second write in the same tick could keep", async () => {
    await writeTree(folder(), { "a.md": article("Putin Goes") });
    const [file] = await scanArchive(folder(), {}, Date.now());
    expect(file!.stamp).toBeUndefined();
    expect(file!.digest).toMatch(/\S/);
  });
});

describe("fileStamp", () => {
  test("changes with any of size, inode, and change and modification times", async () => {
    await writeTree(folder(), { "a.md": "text" });
    const info = await stat(join(folder(), "a.md"), { bigint: true });
    const stamp = fileStamp(info, later());
    for (const changed of [
      { ...info, size: info.size + 1n },
      { ...info, ino: info.ino + 1n },
      { ...info, mtimeNs: info.mtimeNs - 1n },
      { ...info, ctimeNs: info.ctimeNs - 1n },
    ]) {
      expect(fileStamp(changed as typeof info, later())).not.toBe(stamp);
    }
  });
});
