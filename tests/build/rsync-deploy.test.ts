import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { findRsync } from "../../src/cli/install-rsync";
import { makeWorkDir, runBuildCommand } from "../support/build";
import { deployingBlocks } from "../support/deploying-docs";
import { subpathSite } from "../support/global-build";
import { prepareNginx, type Nginx, type NginxPrefix } from "../support/nginx";
import { viennaArticle, writePublishingFixture } from "../support/publishing-fixture";
import { readChanges, treeDigest } from "../support/tree-digest";

/*
 * The deploy that moves only what changed (docs/deploying.md): the /reader/
 * site built by `npm run build`, copied to the folder nginx serves with the
 * documented rsync commands, then an article published and one deleted,
 * each followed by the documented commands for what the build changed.
 */

/** The documentation's destination, which the tests put the served folder in place of. */
const DOCUMENTED_DESTINATION = "deploy@news.example.org:/var/www/broadsheet/reader/";

/** The ```sh block of docs/deploying.md whose first line is `# <title>…`, as written there. */
async function documentedCommands(title: string): Promise<string> {
  const blocks = (await deployingBlocks("sh")).filter((block) => block.startsWith(`# ${title}`));
  if (blocks.length !== 1)
    throw new Error(`docs/deploying.md has ${blocks.length} "${title}" blocks`);
  expect(blocks[0]).toContain(DOCUMENTED_DESTINATION);
  return blocks[0]!;
}

let work: string;
let content: string;
let prefix: NginxPrefix;
let nginx: Nginx;
/** The folder nginx serves as /reader/. */
let served: string;
const dist = () => join(work, "dist");

/** Builds the site again, as a newsroom does after each change. */
async function build(): Promise<void> {
  const result = await runBuildCommand(
    dist(),
    { ...subpathSite, CONTENT_DIR: content },
    { cacheDir: join(work, "cache") },
  );
  expect(result.exitCode, result.output).toBe(0);
}

/** Runs a documented block in the build's folder (where `dist/` and `dist-changes.txt` are), to the served folder. */
async function deploy(title: string): Promise<void> {
  const commands = (await documentedCommands(title)).replaceAll(
    DOCUMENTED_DESTINATION,
    `${served}/`,
  );
  const rsync = findRsync();
  expect(
    rsync,
    "no rsync: `npm test` installs one; or run `node src/cli/install-rsync.ts`",
  ).toBeDefined();
  await promisify(execFile)("bash", ["-e", "-c", commands], {
    cwd: work,
    env: { ...process.env, PATH: `${dirname(rsync!)}:${process.env["PATH"]}` },
  });
}

/** Each served file's inode: a file rsync copied is a new file. */
async function inodes(): Promise<Map<string, number>> {
  const files = Object.keys(await treeDigest(served));
  return new Map(
    await Promise.all(
      files.map(async (path) => [path, (await stat(join(served, path))).ino] as const),
    ),
  );
}

/** What nginx answers for a path under /reader/, and the body. */
async function get(path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${nginx.origin}${subpathSite.BASE_PATH}${path}`, {
    redirect: "manual",
  });
  return { status: response.status, body: await response.text() };
}

beforeAll(async () => {
  work = await makeWorkDir();
  content = join(work, "content");
  await writePublishingFixture(content);
  await build();
  prefix = await prepareNginx();
  served = join(prefix.www, "reader");
  await deploy("rsync, the first time");
  nginx = await prefix.start();
}, 300_000);

afterAll(async () => {
  await nginx?.stop();
  await prefix?.remove();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the /reader/ site deployed with the documented rsync commands, served by nginx", () => {
  test("the first deploy copies the whole site", async () => {
    expect(await treeDigest(served)).toEqual(await treeDigest(dist()));
    const front = await get("");
    expect(front.status).toBe(200);
    expect(front.body).toBe(await readFile(join(dist(), "index.html"), "utf8"));
  });

  test("after an article is published, copies what the build changed and nothing else", async () => {
    const before = await inodes();
    await writeFile(join(content, "vienna.md"), viennaArticle);
    await build();
    const changes = await readChanges(dist());
    expect(changes.added).toContain(
      "articles/2016-04-02/ceasefire-talks-resume-in-vienna/index.html",
    );
    expect(changes.changed).toContain("index.html");
    await deploy("rsync, after each build");

    expect(await treeDigest(served)).toEqual(await treeDigest(dist()));
    const page = await get("articles/2016-04-02/ceasefire-talks-resume-in-vienna/");
    expect(page.status).toBe(200);
    expect(page.body).toContain("Ceasefire Talks Resume in Vienna");
    expect((await get("")).body).toContain(
      "/reader/articles/2016-04-02/ceasefire-talks-resume-in-vienna/",
    );
    // Only the files the build listed were copied: every other file is the one the first deploy put there.
    const after = await inodes();
    const copied = [...after.keys()].filter((path) => before.get(path) !== after.get(path));
    expect(copied.sort()).toEqual([...changes.added, ...changes.changed].sort());
    expect(copied.length).toBeLessThan(after.size / 4);
  });

  test("after an article is deleted, removes its folder, and its URL answers 404", async () => {
    // The only article of its day: the day's folder goes whole.
    const page = "articles/2014-01-02/summit-diary-day-2/";
    const day = "articles/2014-01-02/";
    expect(existsSync(join(served, page))).toBe(true);
    await rm(join(content, "diary-2.md"));
    await build();
    const changes = await readChanges(dist());
    expect(changes.removed).toContain(day);
    await deploy("rsync, after each build");

    expect(await treeDigest(served)).toEqual(await treeDigest(dist()));
    expect(existsSync(join(served, day))).toBe(false);
    expect((await get(page)).status).toBe(404);
    expect((await get("")).body).not.toContain(`/reader/${page}`);
  });
});
