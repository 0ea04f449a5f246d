import { cp, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { buildSite, projectRoot } from "../support/build";

const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

describe("SITE_URL and BASE_PATH", () => {
  test.each([
    [{ SITE_URL: "news.example.org" }, "SITE_URL must be an absolute http(s) origin"],
    [
      { SITE_URL: "https://news.example.org/reader/" },
      "Put a subpath such as /reader/ in BASE_PATH",
    ],
    [{ BASE_PATH: "/news//reader/" }, "BASE_PATH must be a path such as /reader/"],
  ])("stop the build with a clear message when wrong: %j", async (env, message) => {
    const result = await buildSite(env);
    cleanup.push(result.workDir);
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toContain(message);
  });
});

describe("social cards", () => {
  test("are kept in Astro's cache folder, so a rebuild draws only the cards that changed", async () => {
    const contentDir = await mkdtemp(join(tmpdir(), "broadsheet-content-"));
    const cacheDir = await mkdtemp(join(tmpdir(), "broadsheet-shared-cache-"));
    cleanup.push(contentDir, cacheDir);
    await cp(join(projectRoot, "content/articles"), contentDir, { recursive: true });
    const second = join(contentDir, "second.md");
    const article = (headline: string) =>
      `---\nheadline: ${headline}\nbullets: [One]\nbyline: { organisation: Bloomberg News }\n` +
      `published: 2016-01-01\ntimezone: UTC\nslug: second\n---\nText.\n`;
    await writeFile(second, article("A Second Story"));

    const cards = join(cacheDir, "social-cards");
    const build = async () => {
      const result = await buildSite({ CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: cacheDir });
      cleanup.push(result.workDir);
      expect(result.exitCode, result.output).toBe(0);
      const files = (await readdir(cards)).filter((name) => name.endsWith(".png")).sort();
      const times = await Promise.all(
        files.map(async (name) => (await stat(join(cards, name))).mtimeMs),
      );
      return new Map(files.map((name, index) => [name, times[index]]));
    };

    const first = await build();
    // The site's card, the G-20 article's and the second article's.
    expect(first.size).toBe(3);

    await writeFile(second, article("A Second Story, Reworded"));
    const next = await build();
    const added = [...next.keys()].filter((name) => !first.has(name));
    expect(added).toHaveLength(1);
    // The unchanged cards were read from the cache, not drawn and written again.
    for (const [name, time] of first) expect(next.get(name)).toBe(time);
  });
});
