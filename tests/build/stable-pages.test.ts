import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildSite, type BuildResult } from "../support/build";
import { writeSyntheticArticles } from "../../src/cli/synthetic-articles";

// The promise of the browsing pages, which incremental publishing will rely
// on: publishing an article changes only the front page, the feeds, the
// sitemap and the pages that list it. Three builds of one archive: as it
// was, with a new article, and with one more dated back into the archive.
let contentDir: string;
const builds: BuildResult[] = [];
const fingerprints: Map<string, string>[] = [];

/** Every file of a build and a hash of its bytes. */
async function fingerprint(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  return new Map(
    await Promise.all(
      files.map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        const hash = createHash("sha256")
          .update(await readFile(path))
          .digest("hex");
        return [relative(dir, path), hash] as const;
      }),
    ),
  );
}

async function buildNow(): Promise<void> {
  const result = await buildSite({ CONTENT_DIR: contentDir });
  expect(result.exitCode, result.output).toBe(0);
  builds.push(result);
  fingerprints.push(await fingerprint(result.outDir));
}

/** An article for the archive of synthetic ones, on the topic "Trade", with one contributor. */
function article(headline: string, published: string, slug: string): string {
  return [
    "---",
    `headline: ${headline}`,
    "bullets: [Talks went on]",
    "byline: { organisation: Synthetic Wire, contributors: [Ana Ruiz] }",
    `published: ${published}`,
    "timezone: UTC",
    "topics: [Trade]",
    `slug: ${slug}`,
    "---",
    "",
    "The talks went on.",
    "",
  ].join("\n");
}

beforeAll(async () => {
  contentDir = await mkdtemp(join(tmpdir(), "broadsheet-stable-"));
  // 60 articles over 2014 and 2015.
  await writeSyntheticArticles(contentDir, 60, 2015, { from: "2014-01-01", days: 730 });
  await buildNow();
  await writeFile(join(contentDir, "new.md"), article("Trade Talks Resume", "2016-03-01", "new"));
  await buildNow();
  await writeFile(join(contentDir, "late.md"), article("A Late Addition", "2014-06-10", "late"));
  await buildNow();
}, 240_000);
afterAll(async () => {
  await rm(contentDir, { recursive: true, force: true });
  for (const { workDir } of builds) await rm(workDir, { recursive: true, force: true });
});

/** The article pages of a build whose earlier stories link to `href`. */
async function pagesListing(outDir: string, href: string): Promise<string[]> {
  const pages = (await readdir(join(outDir, "articles"), { recursive: true }))
    .filter((path) => path.endsWith("index.html"))
    .map((path) => `articles/${path}`);
  const listing: string[] = [];
  for (const page of pages) {
    const html = await readFile(join(outDir, page), "utf8");
    const earlier = /<aside class="related earlier"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? "";
    if (earlier.includes(`href="${href}"`)) listing.push(page);
  }
  return listing.sort();
}

/** The files that differ between two builds: changed, added and removed. */
function changes(before: Map<string, string>, after: Map<string, string>) {
  const files = new Set([...before.keys(), ...after.keys()]);
  return [...files].filter((file) => before.get(file) !== after.get(file)).sort();
}

/**
 * What publishing an article on `date` (topic Trade, contributor Ana Ruiz)
 * may change: the front page, the feeds (the site's and its topic's), the
 * sitemap, the article itself, and the pages that list it: those of the
 * periods it falls in, in the archive, its topic and its person, and the
 * indexes that count it; and its year's search index (one Pagefind bundle
 * a year, whose chunks are named by their content): the other years'
 * bundles stay as they were, byte for byte.
 */
function mayChange(date: string, articlePath: string): RegExp {
  const [year, month, day] = date.split("-");
  const periods = `(${year}/(${month}/(${day}/)?)?)?`;
  return new RegExp(
    "^(" +
      [
        "index\\.html",
        "rss\\.xml",
        "sitemap-0\\.xml",
        `pagefind/${year}/.+`,
        // Which names the years with articles: it changes when a year gains its first.
        "search/index\\.html",
        `${articlePath}(index\\.html|card\\.png)`,
        `archive/${periods}index\\.html`,
        `topics/index\\.html`,
        // Which counts each person's articles, as the index of topics counts each topic's.
        `people/index\\.html`,
        `topics/trade/${periods}index\\.html`,
        "topics/trade/rss\\.xml",
        `people/ana-ruiz/${periods}index\\.html`,
      ].join("|") +
      ")$",
  );
}

describe("publishing an article", () => {
  test("a new one changes only the front page, the feeds, the sitemap and the pages that list it", () => {
    const changed = changes(fingerprints[0]!, fingerprints[1]!);
    const allowed = mayChange("2016-03-01", "articles/2016-03-01/new/");
    expect(changed.filter((file) => !allowed.test(file))).toEqual([]);
    // It did change what lists it, and nothing else: the other 60 articles are as they were.
    expect(changed).toEqual(
      expect.arrayContaining([
        "index.html",
        "rss.xml",
        "archive/index.html",
        "archive/2016/03/01/index.html",
        "topics/trade/index.html",
        "topics/trade/rss.xml",
        "people/ana-ruiz/index.html",
      ]),
    );
    expect(changed.filter((file) => file.startsWith("articles/"))).toEqual([
      "articles/2016-03-01/new/card.png",
      "articles/2016-03-01/new/index.html",
    ]);
  });

  test("one dated back into the archive changes only the pages of its own day, month and year, and those that now list it as an earlier story", async () => {
    const changed = changes(fingerprints[1]!, fingerprints[2]!);
    const allowed = mayChange("2014-06-10", "articles/2014-06-10/late/");
    // Later articles on its topic list it among their earlier stories now
    // (src/lib/related-stories.ts): their own pages change, nothing else of them.
    const listing = await pagesListing(builds[2]!.outDir, "/articles/2014-06-10/late/");
    expect(listing.length, "a later article on Trade lists it").toBeGreaterThan(0);
    expect(changed.filter((file) => !allowed.test(file) && !listing.includes(file))).toEqual([]);
    expect(changed.filter((file) => file.startsWith("articles/"))).toEqual(
      [
        "articles/2014-06-10/late/card.png",
        "articles/2014-06-10/late/index.html",
        ...listing,
      ].sort(),
    );
    expect(changed).toEqual(
      expect.arrayContaining(["archive/2014/index.html", "archive/2014/06/10/index.html"]),
    );
    // The pages of the newer periods, 2015 and 2016, did not move.
    expect(changed.filter((file) => /^archive\/201[56]\//.test(file))).toEqual([]);
  });
});
