import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { BuildReport } from "../../src/publisher/carry-out";
import { makeWorkDir, runBuildCommand } from "../support/build";
import { writePublishingFixture } from "../support/publishing-fixture";
import { treeDifferences, treeDigest } from "../support/tree-digest";

/*
 * `npm run build -- --shard I/K` builds one machine's share of the archive,
 * and `--merge` joins the shares: the joined site must be, byte for byte,
 * what one machine builds. Parts of 20 articles, so that every build here
 * also runs several processes, as an archive of thousands does.
 */

let work: string;
/** The one-machine build's cache, outside the project, as a CI runner's may be. */
let outsideCache: string;
let expected: Record<string, string>;
const env = () => ({
  CONTENT_DIR: join(work, "content"),
  SITE_URL: "https://news.example.org",
  BASE_PATH: "/reader/",
  BROADSHEET_PART_SIZE: "20",
  // A day after the authored article (midnight in Paris): the news sitemap lists it.
  SOURCE_DATE_EPOCH: String(Date.parse("2016-03-01T23:00:00Z") / 1000),
});

beforeAll(async () => {
  work = await makeWorkDir();
  await writePublishingFixture(join(work, "content"));
  // Its parts run side by side whatever the cache's place: the server bundle
  // of each stays with its output, inside the project (once, they met in
  // the project's .astro/ and one deleted the other's).
  outsideCache = await mkdtemp(join(tmpdir(), "broadsheet-cache-"));
  const whole = await runBuildCommand(join(work, "whole"), env(), {
    args: ["--full"],
    cacheDir: outsideCache,
  });
  expect(whole.exitCode, whole.output).toBe(0);
  expect(whole.output).toMatch(/\[part 1 of [2-9]\]/);
  expected = await treeDigest(join(work, "whole"));
  // Its search index was made year by year, each year while its later
  // parts ran or, when they ended first, at the end, once either way; a
  // merge's is made at its end, from the joined site: the tests below hold
  // the two to the same bytes.
  const { searchAhead, siteFiles } = JSON.parse(
    await readFile(join(outsideCache, "last-build.json"), "utf8"),
  ) as BuildReport;
  const [ahead, atTheEnd] = [searchAhead, siteFiles?.searchYears].map((years) => {
    expect(years).toBeDefined();
    return Object.keys(years ?? {});
  });
  expect([...ahead!, ...atTheEnd!].sort()).toEqual(
    (await readdir(join(work, "whole/pagefind"))).sort(),
  );
  const news = await readFile(join(work, "whole/news-sitemap.xml"), "utf8");
  expect(news).toContain("/reader/articles/2016-03-01/obama-and-putin-meet-again/</loc>");
}, 900_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(outsideCache, { recursive: true, force: true });
});

/** The shards of `count` machines, built once for every test that joins them. */
const shardFolders = new Map<number, Promise<string[]>>();
function shardsOf(count: number): Promise<string[]> {
  let folders = shardFolders.get(count);
  if (!folders) shardFolders.set(count, (folders = buildShards(count)));
  return folders;
}

async function buildShards(count: number): Promise<string[]> {
  const shards = Array.from({ length: count }, (_, index) =>
    join(work, `shard-${count}-${index + 1}`),
  );
  // Side by side, as the machines of a matrix build them.
  const results = await Promise.all(
    shards.map((shard, index) =>
      runBuildCommand(shard, env(), { args: ["--shard", `${index + 1}/${count}`] }),
    ),
  );
  for (const [index, result] of results.entries()) {
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain(`A shard: shard ${index + 1} of ${count}`);
  }
  return shards;
}

describe("a build in shards", () => {
  test.each([1, 2, 3])(
    "joins %i shard(s) into what one machine builds",
    async (count) => {
      const shards = await shardsOf(count);
      const merged = join(work, `merged-${count}`);
      const result = await runBuildCommand(merged, env(), { args: ["--merge", ...shards] });
      expect(result.exitCode, result.output).toBe(0);
      expect(treeDifferences(await treeDigest(merged), expected)).toEqual([]);
    },
    600_000,
  );

  test("refuses shards that are not the archive here", async () => {
    const [shard] = await shardsOf(2);
    const result = await runBuildCommand(join(work, "merged-lone"), env(), {
      args: ["--merge", shard!],
    });
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain("is shard 1 of 2, but 1 shards were given");
  }, 300_000);

  test("rebuilds a shard from its kept cache as any build: only what changed, the same bytes", async () => {
    const content = join(work, "content-changing");
    await cp(join(work, "content"), content, { recursive: true });
    const settings = { ...env(), CONTENT_DIR: content };
    const shard = join(work, "shard-kept");
    const cacheDir = join(work, "shard-kept-cache");
    const first = await runBuildCommand(shard, settings, { args: ["--shard", "2/2"], cacheDir });
    expect(first.exitCode, first.output).toBe(0);

    // A new article, the newest, joins the last shard; an older one of it goes.
    await writeFile(
      join(content, "newest.md"),
      '---\nheadline: "Talks End"\nbullets: ["They end"]\nbyline: { authors: ["Jane Doe"], ' +
        'organisation: "Bloomberg" }\npublished: "2016-05-01"\ntimezone: "UTC"\n' +
        'topics: ["Russia"]\n---\n\nThe talks ended.\n',
    );
    await rm(join(content, "diary-40.md"));
    const again = await runBuildCommand(shard, settings, { args: ["--shard", "2/2"], cacheDir });
    expect(again.exitCode, again.output).toBe(0);
    expect(again.output).toMatch(
      /A shard: shard 2 of 2 \(\d+ of \d+ article files\): 1 new, 0 edited and 1 deleted/,
    );

    const fresh = join(work, "shard-fresh");
    const made = await runBuildCommand(fresh, settings, { args: ["--shard", "2/2"] });
    expect(made.exitCode, made.output).toBe(0);
    expect(treeDifferences(await treeDigest(shard), await treeDigest(fresh))).toEqual([]);
  }, 600_000);
});
