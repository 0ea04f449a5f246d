import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  seededRandom,
  syntheticArticle,
  writeSyntheticArticles,
} from "../../src/cli/synthetic-articles";
import { makeWorkDir, runBuildCommand } from "../support/build";
import { treeDifferences, treeDigest } from "../support/tree-digest";

/*
 * Publishing into long lists: a topic every article has and a person every
 * article credits, whose lists are split by year, month and day.
 * A new article makes again only the pages of its own periods, and a change
 * that carries a period across a page's limit makes the pages below it
 * appear or go; each time, the output is what a full build makes.
 */

// 150 articles from 1 December 2015 over 45 days, all on "World" and all
// crediting Ana Ruiz: each list splits into 2015 (December, over 100,
// split by day) and 2016 (under 100).
const ARTICLES = 150;
const options = { from: "2015-12-01", days: 45, sharedTopic: "World" };
const PERSON = "Ana Ruiz";

/** A synthetic article that credits the shared person too. */
const crediting = (markdown: string) =>
  markdown.replace("  contributors: [", `  contributors: [${PERSON}, `);

let work: string;
let content: string;
beforeAll(async () => {
  work = await makeWorkDir();
  content = join(work, "content");
  await writeSyntheticArticles(content, ARTICLES, 2015, options);
  for (const file of await readdir(content)) {
    await writeFile(join(content, file), crediting(await readFile(join(content, file), "utf8")));
  }
});
afterAll(() => rm(work, { recursive: true, force: true }));

const env = () => ({ CONTENT_DIR: content });
const outDir = () => join(work, "dist");
const cacheDir = () => join(work, "cache");

/** Writes synthetic articles numbered from `first`, published from `from` over `days`. */
async function publish(
  first: number,
  count: number,
  from: string,
  days: number,
): Promise<string[]> {
  const random = seededRandom(first);
  const files: string[] = [];
  for (let index = first; index < first + count; index++) {
    const file = `new-${index + 1}.md`;
    await writeFile(
      join(content, file),
      crediting(syntheticArticle(index, random, { ...options, from, days })),
    );
    files.push(file);
  }
  return files;
}

/** Each file's inode below `dir`: a page carried over keeps its inode, a page made again has a new one. */
async function inodes(dir: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const path of await readdir(dir, { recursive: true })) {
    const info = await stat(join(dir, path));
    if (info.isFile()) found.set(path.split("\\").join("/"), info.ino);
  }
  return found;
}

/** Builds incrementally and fully, side by side, and checks the two outputs are equal. */
async function buildAndCompare(): Promise<string> {
  const fullDir = join(work, "full");
  const [result, full] = await Promise.all([
    runBuildCommand(outDir(), env(), { cacheDir: cacheDir() }),
    runBuildCommand(fullDir, env(), { args: ["--full"], cacheDir: join(work, "full-cache") }),
  ]);
  expect(result.exitCode, result.output).toBe(0);
  expect(result.output).toMatch(/An incremental build: \d+ new, \d+ edited and \d+ deleted/);
  expect(full.exitCode, full.output).toBe(0);
  const [made, expected] = await Promise.all([treeDigest(outDir()), treeDigest(fullDir)]);
  expect(treeDifferences(made, expected)).toEqual([]);
  await rm(fullDir, { recursive: true, force: true });
  return result.output;
}

describe("publishing into lists split by period", () => {
  test("starts from a full build whose topic and people lists are split by year, month and day", async () => {
    const first = await runBuildCommand(outDir(), env(), { cacheDir: cacheDir() });
    expect(first.exitCode, first.output).toBe(0);
    const pages = [...(await inodes(outDir())).keys()];
    for (const list of ["topics/world", "people/ana-ruiz"]) {
      expect(pages).toContain(`${list}/2015/12/10/index.html`);
      expect(pages).toContain(`${list}/2016/index.html`);
      expect(pages).not.toContain(`${list}/2016/01/index.html`);
    }
  }, 300_000);

  test("a new article makes again only its own periods' pages of each list", async () => {
    const before = await inodes(outDir());
    const [file] = await publish(ARTICLES, 1, "2015-12-10", 1);
    await buildAndCompare();
    const after = await inodes(outDir());
    const remade = (prefix: string) =>
      [...after]
        .filter(([path, inode]) => path.startsWith(prefix) && before.get(path) !== inode)
        .map(([path]) => path)
        .sort();
    for (const list of ["topics/world/", "people/ana-ruiz/"]) {
      expect(remade(list)).toEqual(
        [
          `${list}2015/12/10/index.html`,
          `${list}2015/12/index.html`,
          `${list}2015/index.html`,
          `${list}index.html`,
          ...(list.startsWith("topics/") ? [`${list}rss.xml`] : []),
        ].sort(),
      );
      // Its other pages, one for each other day of December, were carried over.
      const carried = [...after].filter(
        ([path, inode]) => path.startsWith(list) && before.get(path) === inode,
      );
      expect(carried.length).toBeGreaterThan(25);
    }
    await rm(join(content, file!));
  }, 300_000);

  let january: string[] = [];

  test("articles that carry a year over a page's limit make its pages of months and days appear", async () => {
    // 2016 lists its articles, one to a hundred: enough more on 14 January,
    // its last day, split it by month, and January by day, so that pages
    // appear for days where nothing was published.
    const before = [...(await inodes(outDir())).keys()];
    expect(before.filter((path) => path.startsWith("topics/world/2016/"))).toEqual([
      "topics/world/2016/index.html",
    ]);
    const in2016 = (
      await Promise.all(
        (await readdir(content)).map(async (file) => readFile(join(content, file), "utf8")),
      )
    ).filter((markdown) => /\npublished: 2016-/.test(markdown)).length;
    january = await publish(ARTICLES + 1, 101 - in2016, "2016-01-14", 1);
    await buildAndCompare();
    const after = [...(await inodes(outDir())).keys()];
    for (const list of ["topics/world/", "people/ana-ruiz/"]) {
      expect(after).toContain(`${list}2016/01/index.html`);
      expect(after).toContain(`${list}2016/01/01/index.html`);
    }
  }, 300_000);

  test("deleting one of them makes those pages go", async () => {
    await rm(join(content, january[0]!));
    await buildAndCompare();
    const after = [...(await inodes(outDir())).keys()];
    for (const list of ["topics/world/", "people/ana-ruiz/"]) {
      expect(after.filter((path) => path.startsWith(`${list}2016/`))).toEqual([
        `${list}2016/index.html`,
      ]);
    }
  }, 300_000);
});
