import { describe, expect, test } from "vitest";
import type { BuildManifest } from "../../src/publisher/manifest";
import {
  archiveChanges,
  inPublicationOrder,
  shardFiles,
  splitIntoParts,
  type ArchiveFile,
} from "../../src/publisher/archive-files";
import { planBuild, type Plan } from "../../src/publisher/plan";
import { relatedDigest } from "../../src/publisher/related";

/** `count` files a month for each month given, named by month. */
function archive(months: Record<string, number>): ArchiveFile[] {
  return Object.entries(months).flatMap(([month, count]) =>
    Array.from({ length: count }, (_, index) => ({
      path: `${month}-${String(index).padStart(3, "0")}.md`,
      digest: `d-${month}-${index}`,
      month,
    })),
  );
}

const monthsOf = (files: readonly ArchiveFile[]) => [...new Set(files.map(({ month }) => month))];

describe("inPublicationOrder", () => {
  test("orders by month, then path, whatever order the files came in", () => {
    const files = archive({ "2015-11": 2, "2014-01": 2 });
    expect(inPublicationOrder([...files].reverse()).map(({ path }) => path)).toEqual([
      "2014-01-000.md",
      "2014-01-001.md",
      "2015-11-000.md",
      "2015-11-001.md",
    ]);
  });
});

describe("splitIntoParts", () => {
  test("fills each part to the limit, oldest first, months cut where a part is full", () => {
    const parts = splitIntoParts(
      archive({ "2014-01": 4, "2014-02": 3, "2014-03": 2, "2014-04": 5 }),
      6,
    );
    expect(parts.map((part) => part.length)).toEqual([6, 6, 2]);
    expect(parts.map(monthsOf)).toEqual([
      ["2014-01", "2014-02"],
      ["2014-02", "2014-03", "2014-04"],
      ["2014-04"],
    ]);
    expect(parts.flat()).toEqual(inPublicationOrder(parts.flat()));
  });

  test("makes as few parts as the limit allows when months are just over half a part", () => {
    const parts = splitIntoParts(archive({ "2014-01": 4, "2014-02": 4, "2014-03": 4 }), 7);
    expect(parts.map((part) => part.length)).toEqual([7, 5]);
  });

  test("cuts a month larger than a part where the part is full", () => {
    const parts = splitIntoParts(archive({ "2014-01": 7 }), 3);
    expect(parts.map((part) => part.length)).toEqual([3, 3, 1]);
  });

  test("puts new articles in the last part, leaving the others as they were", () => {
    const before = splitIntoParts(archive({ "2014-01": 4, "2014-02": 3 }), 6);
    const after = splitIntoParts(archive({ "2014-01": 4, "2014-02": 3, "2014-03": 1 }), 6);
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)!.map(({ month }) => month)).toEqual(["2014-02", "2014-03"]);
  });

  test("makes no part of no files, and refuses a part of no size", () => {
    expect(splitIntoParts([], 10)).toEqual([]);
    expect(() => splitIntoParts(archive({ "2014-01": 1 }), 0)).toThrow(RangeError);
  });
});

describe("shardFiles", () => {
  const files = archive({
    "2014-01": 5,
    "2014-02": 5,
    "2014-03": 5,
    "2014-04": 5,
    "2014-05": 5,
    "2014-06": 5,
  });

  test.each([1, 2, 3, 4])(
    "gives each file to exactly one of %i shards, in whole months",
    (count) => {
      const shards = Array.from({ length: count }, (_, index) => shardFiles(files, index, count));
      expect(
        shards
          .flat()
          .map(({ path }) => path)
          .sort(),
      ).toEqual(files.map(({ path }) => path).sort());
      const months = shards.map(monthsOf);
      expect(new Set(months.flat()).size).toBe(months.flat().length);
    },
  );

  test("balances shards by the number of articles", () => {
    expect([0, 1, 2].map((index) => shardFiles(files, index, 3).length)).toEqual([10, 10, 10]);
  });

  test("refuses a shard that is not one of the count", () => {
    expect(() => shardFiles(files, 3, 3)).toThrow("no shard 4 of 3");
    expect(() => shardFiles(files, 0, 0)).toThrow(RangeError);
  });
});

describe("archiveChanges", () => {
  test("finds new, edited and deleted files by their digests", () => {
    const previous = {
      "kept.md": { digest: "a" },
      "edited.md": { digest: "b" },
      "gone.md": { digest: "c" },
    };
    const now = [
      { path: "kept.md", digest: "a", month: "2014-01" },
      { path: "edited.md", digest: "B", month: "2014-01" },
      { path: "new.md", digest: "d", month: "2014-02" },
    ];
    const { changed, deleted } = archiveChanges(previous, now);
    expect(changed.map(({ path }) => path)).toEqual(["edited.md", "new.md"]);
    expect(deleted).toEqual(["gone.md"]);
  });
});

describe("planBuild, when no article changed", () => {
  const files = archive({ "2015-11": 2 });
  const inputs = { "src/": "code" };
  const manifest = (span?: BuildManifest["newsSitemapSpan"]): { manifest: BuildManifest } => ({
    manifest: {
      version: 6,
      inputs,
      output: "fingerprint",
      size: { files: 40, bytes: 250_000 },
      articles: Object.fromEntries(
        files.map(({ path, digest, month }) => [
          path,
          { digest, month, keys: [`article:${path}`], related: "" },
        ]),
      ),
      ...(span && { newsSitemapSpan: span }),
    },
  });
  const site = { kind: "site", full: false } as const;
  const span = {
    from: Date.parse("2015-11-15T00:00:00Z"),
    until: Date.parse("2015-11-17T00:00:00Z"),
  };

  test("has nothing to do while the news sitemap would list the same articles", () => {
    const plan = planBuild(site, files, inputs, manifest(span), 1000, new Date(span.from));
    expect(plan).toEqual({
      kind: "up to date",
      reason: "no article changed since the last build",
      size: { files: 40, bytes: 250_000 },
    });
  });

  test("writes the site's files again, and runs no process, once it would list others", () => {
    const plan = planBuild(site, files, inputs, manifest(span), 1000, new Date(span.until));
    expect(plan).toMatchObject({
      kind: "incremental",
      reason:
        "no article changed since the last build, but the news sitemap's two days hold other articles now",
      jobs: [],
      // Carried over, the last output's size is the start of this one's.
      lastSize: { files: 40, bytes: 250_000 },
      carryOver: true,
      keys: {
        "2015-11-000.md": ["article:2015-11-000.md"],
        "2015-11-001.md": ["article:2015-11-001.md"],
      },
    });
    // A site's plan, not a shard's: carrying it out writes the site's files.
    expect(plan).not.toHaveProperty("shard");
    const before = planBuild(site, files, inputs, manifest(span), 1000, new Date(span.from - 1));
    expect(before.kind).toBe("incremental");
  });

  test("leaves a shard as it is, since a shard has no news sitemap", () => {
    const shard = { kind: "shard", index: 1, count: 1, full: false } as const;
    const plan = planBuild(shard, files, inputs, manifest(), 1000, new Date());
    expect(plan.kind).toBe("up to date");
  });
});

describe("planBuild and the earlier stories an article lists", () => {
  const inputs = { "src/": "code" };
  const site = { kind: "site", full: false } as const;
  const date = new Date("2016-01-01T00:00:00Z");
  const file = (name: string, published: string, headline: string, digest = name): ArchiveFile => ({
    path: `${name}.md`,
    digest,
    month: published.slice(0, 7),
    frontmatter: {
      headline,
      bullets: ["What happened."],
      byline: { authors: [], organisation: "Bloomberg News", contributors: [] },
      published,
      timezone: "Europe/Istanbul",
      corrections: [],
      topics: ["Russia"],
      related: [],
      draft: false,
    },
  });
  const older = file("older", "2015-11-10", "Older");
  const newer = file("newer", "2015-11-15", "Newer");

  /** The manifest a build of `files` leaves: each article's keys, frontmatter and list's digest. */
  function manifestAfter(files: readonly ArchiveFile[]): { manifest: BuildManifest } {
    const plan = planBuild(site, files, inputs, { problem: "none yet" }, 1000, date);
    if (plan.kind === "up to date") throw new Error("a first build has work to do");
    return {
      manifest: {
        version: 6,
        inputs,
        output: "fingerprint",
        size: { files: 40, bytes: 250_000 },
        articles: Object.fromEntries(
          files.map(({ path, digest, month, frontmatter }) => [
            path,
            {
              digest,
              month,
              keys: [`article:2015-11/${path.slice(0, -3)}`, "topic:russia"],
              ...(frontmatter && { frontmatter }),
              related: plan.relatedDigests[path]!,
            },
          ]),
        ),
      },
    };
  }

  test("hands each part the stories its articles list, chosen from the whole archive", () => {
    const plan = planBuild(site, [older, newer], inputs, { problem: "none yet" }, 1, date);
    if (plan.kind === "up to date") throw new Error("a first build has work to do");
    const parts = plan.jobs.filter(({ scope }) => scope.pages === "articles");
    // In publication order: one month, so by path.
    expect(parts.map(({ scope }) => scope)).toEqual([
      {
        pages: "articles",
        files: ["newer.md"],
        related: {
          newer: [
            {
              headline: "Older",
              path: "articles/2015-11-10/older/",
              published: "2015-11-10",
              timezone: "Europe/Istanbul",
            },
          ],
        },
      },
      { pages: "articles", files: ["older.md"], related: {} },
    ]);
  });

  test("publishing a newer article makes no older article's page again", () => {
    const newest = file("newest", "2015-11-20", "Newest");
    const plan = planBuild(
      site,
      [older, newer, newest],
      inputs,
      manifestAfter([older, newer]),
      1000,
      date,
    );
    if (plan.kind === "up to date") throw new Error("a new article is work");
    expect(plan.reason).toBe("1 new, 0 edited and 0 deleted article file(s) since the last build");
    expect(articlePagesMade(plan)).toEqual(["newest"]);
  });

  test("editing an earlier article makes the pages that list it again, their own pages alone", () => {
    const retitled = file("older", "2015-11-10", "Older, retitled", "edited");
    const plan = planBuild(
      site,
      [retitled, newer],
      inputs,
      manifestAfter([older, newer]),
      1000,
      date,
    );
    if (plan.kind === "up to date") throw new Error("an edit is work");
    expect(plan.reason).toBe(
      "0 new, 1 edited and 0 deleted article file(s) since the last build, and 1 whose earlier stories changed",
    );
    expect(articlePagesMade(plan)).toEqual(["older", "newer"]);
    expect(plan.previous["newer.md"]).toEqual(["article:2015-11/newer"]);
    const listings = plan.jobs.find(({ scope }) => scope.pages === "site")?.scope;
    // An edited file's keys come from its frontmatter; a file as it was keeps the last build's.
    expect(plan.keys["older.md"]).toContain("article:2015-11-10/older-retitled");
    expect(plan.keys["newer.md"]).toEqual(["article:2015-11/newer", "topic:russia"]);
    // The listings that show it now, worked out from its frontmatter, and
    // those that showed it (the manifest's keys), with the larger periods'.
    expect(listings).toMatchObject({
      made: [
        "archive:2015",
        "archive:2015-11",
        "archive:2015-11-10",
        "article:2015-11-10/older-retitled",
        "article:2015-11/older",
        "search:2015",
        "site",
        "topic:russia",
        "topic:russia/2015",
        "topic:russia/2015-11",
        "topic:russia/2015-11-10",
      ],
    });
  });

  test("deleting an earlier article makes the pages that listed it again", () => {
    const plan = planBuild(site, [newer], inputs, manifestAfter([older, newer]), 1000, date);
    if (plan.kind === "up to date") throw new Error("a deletion is work");
    expect(articlePagesMade(plan)).toEqual(["newer"]);
    expect(plan.relatedDigests).toEqual({ "newer.md": relatedDigest(undefined) });
  });
});

describe("planBuild, after some articles changed", () => {
  const inputs = { "src/": "code" };
  const site = { kind: "site", full: false } as const;
  const date = new Date("2016-01-01T00:00:00Z");
  const files: ArchiveFile[] = Array.from({ length: 5 }, (_, index) => ({
    path: `story-${index}.md`,
    digest: `d-${index}`,
    month: "2015-11",
  }));
  const edited = files.map((each) => ({ ...each, digest: `${each.digest}, edited` }));
  const last: { manifest: BuildManifest } = {
    manifest: {
      version: 6,
      inputs,
      output: "fingerprint",
      size: { files: 40, bytes: 250_000 },
      articles: Object.fromEntries(
        files.map(({ path, digest, month }) => [
          path,
          {
            digest,
            month,
            keys: [`article:2015-11/${path.slice(0, -3)}`],
            related: relatedDigest(undefined),
          },
        ]),
      ),
    },
  };

  test("makes the pages of changes that fit in one part in the listings process", () => {
    const plan = planBuild(site, [...files.slice(0, 3), ...edited.slice(3)], inputs, last, 2, date);
    if (plan.kind === "up to date") throw new Error("an edit is work");
    expect(plan.jobs.map(({ name }) => name)).toEqual(["site"]);
    expect(plan.jobs[0]?.scope).toMatchObject({
      pages: "site",
      // Their keys in the last build (these files' frontmatter is not read).
      made: ["article:2015-11/story-3", "article:2015-11/story-4", "site"],
      articles: { ids: ["story-3", "story-4"] },
    });
  });

  test("makes the pages of more changes than a part holds in processes of their own", () => {
    const plan = planBuild(site, [...files.slice(0, 2), ...edited.slice(2)], inputs, last, 2, date);
    if (plan.kind === "up to date") throw new Error("an edit is work");
    expect(plan.jobs.map(({ name }) => name)).toEqual(["site", "changes 1 of 2", "changes 2 of 2"]);
    expect(plan.jobs[0]?.scope).not.toHaveProperty("articles");
    expect(articlePagesMade(plan)).toEqual(["story-2", "story-3", "story-4"]);
  });
});

/** The articles whose own pages a plan's processes make, by id. */
function articlePagesMade(plan: Plan): string[] {
  return plan.jobs.flatMap(({ scope }) => {
    if (scope.pages === "articles") return scope.files.map((path) => path.replace(/\.md$/, ""));
    return scope.pages === "site" ? (scope.articles?.ids ?? []) : [];
  });
}
