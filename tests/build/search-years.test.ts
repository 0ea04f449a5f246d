import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { pageKey } from "../../src/lib/page-keys";
import type { Plan } from "../../src/publisher/plan";
import { searchAhead } from "../../src/publisher/search-ahead";
import { htmlFiles } from "../../src/publishing/html-files";
import { searchByYear } from "../../src/lib/search-years";
import { indexPages, indexSite, SEARCH_BUNDLE_DIR } from "../../src/publishing/search-index";
import { buildSite, makeWorkDir, type BuildResult } from "../support/build";
import { searchBundle } from "../support/pagefind-search";
import { writeSyntheticArticles } from "../../src/cli/synthetic-articles";

// The search index is one Pagefind bundle per year of publication. An
// archive of 80 synthetic articles over four years (2012 to 2015), built
// once; each test that changes the index works on a copy of it.
const YEARS = ["2015", "2014", "2013", "2012"];
let build: BuildResult;
let contentDir: string;
let fullIndex: string;
const copies: string[] = [];

beforeAll(async () => {
  contentDir = await mkdtemp(join(tmpdir(), "broadsheet-search-years-"));
  await writeSyntheticArticles(contentDir, 80, 2012, { from: "2012-01-01", days: 4 * 365 });
  build = await buildSite({ CONTENT_DIR: contentDir });
  expect(build.exitCode, build.output).toBe(0);
  // One index of every article, as the site had before it was split by year.
  fullIndex = join(build.workDir, "full-index");
  const pages = await indexPages(build.outDir, await htmlFiles(build.outDir), fullIndex);
  expect(pages).toBe(80);
}, 180_000);
afterAll(async () => {
  await rm(contentDir, { recursive: true, force: true });
  if (build) await rm(build.workDir, { recursive: true, force: true });
  for (const copy of copies) await rm(copy, { recursive: true, force: true });
});

/** A copy of the build to change, removed after the tests. */
async function copyOfBuild(): Promise<string> {
  const dir = join(await makeWorkDir(), "dist");
  copies.push(join(dir, ".."));
  await cp(build.outDir, dir, { recursive: true });
  return dir;
}

/** Every file under `dir` with its inode and modification time, which an untouched file keeps. */
async function fileStamps(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const stamps = new Map<string, string>();
  for (const entry of entries.filter((found) => found.isFile())) {
    const path = join(entry.parentPath, entry.name);
    const { ino, mtimeMs } = await stat(path);
    stamps.set(relative(dir, path), `${ino}:${mtimeMs}`);
  }
  return stamps;
}

/** The files of one year's bundle among `stamps`. */
function ofYear(stamps: Map<string, string>, year: string): Map<string, string> {
  return new Map([...stamps].filter(([path]) => path.startsWith(`${year}/`)));
}

describe("the search index of a four-year archive", () => {
  test("is one complete bundle per year, and nothing else", async () => {
    const root = join(build.outDir, SEARCH_BUNDLE_DIR);
    expect((await readdir(root)).sort()).toEqual([...YEARS].sort());
    for (const year of YEARS) {
      const files = await readdir(join(root, year));
      expect(files).toEqual(
        expect.arrayContaining(["pagefind.js", "wasm.en.pagefind", "pagefind-entry.json"]),
      );
      expect(files.filter((file) => file.endsWith(".pf_meta"))).toHaveLength(1);
      expect(files).not.toContain("pagefind-worker.js");
      expect(files).not.toContain("wasm.unknown.pagefind");
    }
  });

  test("splits each year's index into chunks of at most 5,000 word locations, not Pagefind's 20,000", async () => {
    // About 20 articles of some 900 words a year: 18,000 locations, one
    // chunk at Pagefind's default. Each thread's service must have been
    // started with the chunk size in its environment.
    for (const year of YEARS) {
      const chunks = await readdir(join(build.outDir, SEARCH_BUNDLE_DIR, year, "index"));
      expect(chunks.length, year).toBeGreaterThanOrEqual(3);
    }
  });

  test("gives each year's bundle the articles of that year, by the date in their URL", async () => {
    for (const year of YEARS) {
      const found = await searchBundle(join(build.outDir, SEARCH_BUNDLE_DIR, year), "talks");
      expect(found.length).toBeGreaterThan(0);
      expect(found.filter((url) => !url.startsWith(`/articles/${year}-`))).toEqual([]);
    }
  });

  test("would find more than one index with Pagefind alone: a year's index leaves out a word it lacks", async () => {
    // No article of 2013 has "ceasefire": 2013's index searches for "talks" alone.
    const bundle2013 = join(build.outDir, SEARCH_BUNDLE_DIR, "2013");
    expect(await searchBundle(bundle2013, "ceasefire")).toEqual([]);
    expect((await searchBundle(bundle2013, "ceasefire talks")).length).toBeGreaterThan(0);
    const inOneIndex = await searchBundle(fullIndex, "ceasefire talks");
    expect(inOneIndex.length).toBeGreaterThan(0);
    expect(inOneIndex.filter((url) => url.includes("/2013-"))).toEqual([]);
  });

  // Words of every article, of some, of a headline, of a section heading,
  // of some years only, pairs and a phrase, a word of none, a word of none
  // beside a word of some, and the start of a word.
  test.each([
    "talks",
    "ceasefire talks",
    "vienna",
    "market reaction",
    "diplomats warn",
    "pension reform in oslo",
    "confidentiality",
    '"core disagreements remain"',
    "zzyzxquux",
    "vienna zzyzxquux",
    "ceasef",
  ])(
    "finds for %j, over all its years, exactly what one index of every article finds",
    async (query) => {
      // As the search page searches: year by year, through search-years.ts.
      const inYear = searchByYear(YEARS, query, (words, year) =>
        searchBundle(join(build.outDir, SEARCH_BUNDLE_DIR, year), words),
      );
      const found = await Promise.all(YEARS.map((year) => inYear(year)));
      YEARS.forEach((year, index) => {
        expect(found[index]!.filter((url) => !url.startsWith(`/articles/${year}-`))).toEqual([]);
      });
      const union = found.flat().sort();
      expect(new Set(union).size).toBe(union.length);
      expect(union).toEqual(await searchBundle(fullIndex, query));
    },
  );
});

describe("indexing again", () => {
  test("only the years asked for rewrites only their bundles", async () => {
    const dir = await copyOfBuild();
    const root = join(dir, SEARCH_BUNDLE_DIR);
    const before = await fileStamps(root);
    const result = await indexSite(dir, { years: new Set(["2015"]) });
    expect(Object.keys(result.years)).toEqual(["2015"]);
    expect(result.years["2015"]!.pages).toBe(result.pages);
    expect(result.removed).toEqual([]);
    const after = await fileStamps(root);
    for (const year of ["2014", "2013", "2012"]) {
      expect(ofYear(after, year)).toEqual(ofYear(before, year));
    }
    // 2015's bundle is a new one: no file of it is the old file.
    const old2015 = ofYear(before, "2015");
    const new2015 = ofYear(after, "2015");
    expect([...new2015.keys()]).toContain("2015/pagefind.js");
    for (const [path, stamp] of new2015) expect(old2015.get(path)).not.toBe(stamp);
    expect((await readdir(root)).sort()).toEqual([...YEARS].sort());
    expect(await searchBundle(join(root, "2015"), "talks")).toEqual(
      await searchBundle(join(build.outDir, SEARCH_BUNDLE_DIR, "2015"), "talks"),
    );
  });

  test("removes the bundle of a year whose articles are all gone, and anything else in pagefind/", async () => {
    const dir = await copyOfBuild();
    const root = join(dir, SEARCH_BUNDLE_DIR);
    for (const folder of await readdir(join(dir, "articles"))) {
      if (folder.startsWith("2013-")) await rm(join(dir, "articles", folder), { recursive: true });
    }
    // What a build from before the split by year left: one bundle at the root.
    await writeFile(join(root, "pagefind.js"), "// an old bundle's");
    const before = await fileStamps(root);
    const result = await indexSite(dir, { years: new Set(["2015"]) });
    expect(result.removed).toEqual(["2013"]);
    expect((await readdir(root)).sort()).toEqual(["2012", "2014", "2015"]);
    const after = await fileStamps(root);
    for (const year of ["2014", "2012"]) expect(ofYear(after, year)).toEqual(ofYear(before, year));
  });

  test("indexes a year that has articles but no bundle, even when not asked to", async () => {
    const dir = await copyOfBuild();
    const root = join(dir, SEARCH_BUNDLE_DIR);
    await rm(join(root, "2012"), { recursive: true });
    const before = await fileStamps(root);
    const result = await indexSite(dir, { years: new Set() });
    expect(Object.keys(result.years)).toEqual(["2012"]);
    expect((await readdir(root)).sort()).toEqual([...YEARS].sort());
    const after = await fileStamps(root);
    for (const year of ["2015", "2014", "2013"]) {
      expect(ofYear(after, year)).toEqual(ofYear(before, year));
    }
    expect(await searchBundle(join(root, "2012"), "talks")).toEqual(
      await searchBundle(join(build.outDir, SEARCH_BUNDLE_DIR, "2012"), "talks"),
    );
  });

  test("without years, indexes every year", async () => {
    const dir = await copyOfBuild();
    const result = await indexSite(dir);
    expect(Object.keys(result.years).sort()).toEqual([...YEARS].sort());
    expect(result.pages).toBe(80);
  });
});

/** Every file of the search index under `dir`, with its bytes. */
async function bundleBytes(dir: string): Promise<Map<string, string>> {
  const root = join(dir, SEARCH_BUNDLE_DIR);
  const bytes = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    bytes.set(relative(root, path), (await readFile(path)).toString("base64"));
  }
  return bytes;
}

describe("indexing a year", () => {
  test("makes the same bytes from the same pages, so a year a publish leaves alone equals one indexed anew", async () => {
    const first = await copyOfBuild();
    await indexSite(first);
    const second = await copyOfBuild();
    await rm(join(second, SEARCH_BUNDLE_DIR), { recursive: true });
    const again = await indexSite(second);
    expect(Object.keys(again.years).sort()).toEqual([...YEARS].sort());
    expect(again.pages).toBe(80);
    expect(await bundleBytes(second)).toEqual(await bundleBytes(first));
  });
});

describe("indexing years ahead, while a build in parts runs", () => {
  test("indexes a year once the jobs that may make its pages have ended and joined them, as indexSite does", async () => {
    const work = await makeWorkDir();
    copies.push(work);
    // The article pages as two parts of a first build made them, 2012 and
    // 2013, then 2014 and 2015, beside the listings job, which made none.
    const pages = (await htmlFiles(join(build.outDir, "articles"))).map((file) =>
      relative(build.outDir, file).split(sep).join("/"),
    );
    const partOf = (path: string) => (path < "articles/2014" ? 1 : 2);
    const madeBy = (job: number) => pages.filter((path) => partOf(path) === job);
    // Each page stands for its article file, which names its page keys.
    const plan: Plan = {
      kind: "full",
      reason: "",
      files: [],
      jobs: [
        { name: "site", cache: "site", scope: { pages: "site" } },
        ...[1, 2].map((part) => ({
          name: `part ${part}`,
          cache: `part-${part}`,
          scope: { pages: "articles" as const, files: madeBy(part), related: {} },
        })),
      ],
      carryOver: false,
      previous: {},
      remade: new Set(),
      shards: [],
      keys: Object.fromEntries(pages.map((path) => [path, [pageKey(path)]])),
      relatedDigests: {},
    };
    /** The site's folder, its pages joined in as their jobs ended. */
    const joinedSite = async (name: string) => {
      const site = join(work, name);
      for (const path of pages) await cp(join(build.outDir, path), join(site, path));
      return site;
    };
    const bundled = async (site: string) =>
      (await readdir(join(site, SEARCH_BUNDLE_DIR)).catch(() => []))
        .filter((name) => /^\d{4}$/.test(name))
        .sort();

    const next = await joinedSite("next");
    const ahead = searchAhead(next, plan);
    // The later part ends first; its years wait for the listings as well,
    // and the earlier part's for that part.
    ahead.ended(2, Promise.resolve(madeBy(2)));
    ahead.ended(0, Promise.resolve([]));
    await expect.poll(() => bundled(next), { timeout: 30_000 }).toEqual(["2014", "2015"]);
    ahead.ended(1, Promise.resolve(madeBy(1)));
    await expect.poll(() => bundled(next), { timeout: 30_000 }).toEqual([...YEARS].sort());
    await ahead.finish();
    expect(await bundleBytes(next)).toEqual(await bundleBytes(build.outDir));
    const { years, again } = ahead.indexed(pages);
    expect(Object.keys(years).sort()).toEqual([...YEARS].sort());
    expect(Object.values(years).reduce((sum, year) => sum + year.pages, 0)).toBe(80);
    expect([...again]).toEqual([]);
    // Should the joined site hold a page that a year's bundle did not read,
    // that year is indexSite's to make again.
    const late = ahead.indexed([...pages, "articles/2014-06-01/late-story/index.html"]);
    expect([...late.again]).toEqual(["2014"]);
    expect(Object.keys(late.years).sort()).toEqual(["2012", "2013", "2015"]);

    // Finished while years wait their turn, it indexes the year in hand and
    // leaves the others to indexSite, with no bundle of theirs begun.
    const hurried = await joinedSite("hurried");
    const cut = searchAhead(hurried, plan);
    for (const index of [0, 1, 2]) cut.ended(index, Promise.resolve(madeBy(index)));
    await cut.finish();
    const made = cut.indexed(pages);
    expect(made.again.size).toBe(0);
    expect(Object.keys(made.years).length).toBeLessThan(YEARS.length);
    expect(await bundled(hurried)).toEqual(Object.keys(made.years).sort());
    expect(await readdir(join(hurried, SEARCH_BUNDLE_DIR))).toEqual(await bundled(hurried));
  });
});
