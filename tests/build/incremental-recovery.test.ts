import { glob, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "devalue";
import { describe, expect, test } from "vitest";
import { makeWorkDir, runBuildCommand, startBuildCommand } from "../support/build";
import { viennaArticle, writePublishingFixture } from "../support/publishing-fixture";
import { treeDifferences, treeDigest } from "../support/tree-digest";

/*
 * Incremental publishing where it is hardest: an archive built in parts,
 * whose listings process keeps most articles unrendered, and a build killed
 * halfway. Apart from incremental-build.test.ts, whose steps share one
 * archive, so that the two files run side by side.
 */

describe("an archive built in parts", () => {
  test("publishes a deletion that brings an article into the feeds, and more edits than a part holds", async () => {
    const dir = await makeWorkDir();
    const folder = join(dir, "content");
    await writePublishingFixture(folder);
    await writeFile(join(folder, "vienna.md"), viennaArticle);
    // Parts of 20: the listings' own process renders only the articles the
    // feeds carry, and keeps the others unrendered in its content store.
    const settings = { CONTENT_DIR: folder, BROADSHEET_PART_SIZE: "20" };
    const outDir = join(dir, "dist");
    const cacheDir = join(dir, "cache");
    const first = await runBuildCommand(outDir, settings, { cacheDir });
    expect(first.exitCode, first.output).toBe(0);
    expect(first.output).toMatch(/part 1 of \d+/);
    // Only the listings process collects its garbage sooner than V8 would:
    // its heap holds the whole archive's lists, a part's only its articles.
    const { jobs } = JSON.parse(await readFile(join(cacheDir, "last-build.json"), "utf8")) as {
      jobs: { name: string; collectsSooner: boolean }[];
    };
    expect(jobs.length).toBeGreaterThan(2);
    for (const { name, collectsSooner } of jobs) expect(collectsSooner, name).toBe(name === "site");
    // The listings process lists the others from the archive index: its
    // store holds only the articles it rendered.
    const stored = await listingsStore(cacheDir);
    const files = (await readdir(folder)).filter((name) => name.endsWith(".md"));
    expect(stored.size).toBeGreaterThan(0);
    expect(stored.size).toBeLessThan(files.length);
    for (const entry of stored.values()) expect(entry.rendered?.html).toBeTruthy();

    // The newest goes: older articles, kept unrendered, move into the feeds.
    await rm(join(folder, "vienna.md"));
    // And 21 edits: more article pages than the listings process makes
    // besides its own, so they go to processes of their own, in parts.
    for (let day = 1; day <= 21; day++) {
      const file = join(folder, `diary-${day}.md`);
      await writeFile(file, `${await readFile(file, "utf8")}\nRevised.\n`);
    }
    const next = await runBuildCommand(outDir, settings, { cacheDir });
    expect(next.exitCode, next.output).toBe(0);
    expect(next.output).toContain("An incremental build: 0 new, 21 edited and 1 deleted");
    expect(next.output).toMatch(/\[changes 2 of 2\]/);
    expect(next.output).not.toContain("Clearing content store");
    const full = await runBuildCommand(join(dir, "full"), settings, { args: ["--full"] });
    expect(full.exitCode, full.output).toBe(0);
    expect(treeDifferences(await treeDigest(outDir), await treeDigest(join(dir, "full")))).toEqual(
      [],
    );
    await rm(dir, { recursive: true, force: true });
  }, 600_000);
});

describe("an incremental build killed halfway", () => {
  test("leaves dist/ and the manifest as they were, and the next build comes out right", async () => {
    const dir = await makeWorkDir();
    const folder = join(dir, "content");
    await writePublishingFixture(folder);
    const settings = { CONTENT_DIR: folder };
    const outDir = join(dir, "dist");
    const cacheDir = join(dir, "cache");
    const first = await runBuildCommand(outDir, settings, { cacheDir });
    expect(first.exitCode, first.output).toBe(0);
    const manifestFile = (await readdir(cacheDir)).find((name) =>
      name.startsWith("build-manifest-"),
    )!;
    const manifest = await readFile(join(cacheDir, manifestFile), "utf8");
    const before = await treeDigest(outDir);

    await writeFile(join(folder, "vienna.md"), viennaArticle);
    const build = await startBuildCommand(outDir, { ...settings, ASTRO_CACHE_DIR: cacheDir });
    expect(build.output).toContain("An incremental build: 1 new");
    await build.stop("SIGKILL", { group: true });

    expect(await treeDigest(outDir)).toEqual(before);
    expect(await readFile(join(cacheDir, manifestFile), "utf8")).toBe(manifest);

    const next = await runBuildCommand(outDir, settings, { cacheDir });
    expect(next.exitCode, next.output).toBe(0);
    expect(next.output).toContain("An incremental build: 1 new, 0 edited and 0 deleted");
    const full = await runBuildCommand(join(dir, "full"), settings, { args: ["--full"] });
    expect(full.exitCode, full.output).toBe(0);
    expect(treeDifferences(await treeDigest(outDir), await treeDigest(join(dir, "full")))).toEqual(
      [],
    );
    await rm(dir, { recursive: true, force: true });
  }, 600_000);
});

/** The articles in the content store of the last build's listings process, by id. */
async function listingsStore(
  cacheDir: string,
): Promise<Map<string, { rendered?: { html?: string } }>> {
  const [file] = await Array.fromAsync(glob("stores/*/site/data-store.json", { cwd: cacheDir }));
  if (!file) throw new Error(`no listings store under ${cacheDir}`);
  // Astro writes its store with devalue: collections by name, entries by id.
  const collections = parse(await readFile(join(cacheDir, file), "utf8")) as Map<
    string,
    Map<string, { rendered?: { html?: string } }>
  >;
  return collections.get("articles") ?? new Map();
}
