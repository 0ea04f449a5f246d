/*
 * The plan of a build: what `npm run build` makes and what it carries over
 * from the last build, decided from the archive, the build's inputs and the
 * last build's manifest, before any process starts. Pure: every kind of
 * build (full, incremental, a shard, a merge) is a plan made here and
 * carried out by carry-out.ts.
 */

import { createHash } from "node:crypto";
import type { BuildScope, RelatedByArticle } from "../lib/job-scope.ts";
import { spanHolds } from "../lib/news-sitemap.ts";
import { articleOfKey } from "../lib/page-keys.ts";
import { relatedStories, type RelatedStory, type StoryFields } from "../lib/related-stories.ts";
import { changedInputs } from "./inputs.ts";
import type { BuildManifest, ManifestReading } from "./manifest.ts";

/** An article file as the build command sees it before any build. */
export interface ArchiveFile {
  /** Relative to the content folder. */
  path: string;
  /** A hash of the file's bytes. */
  digest: string;
  /** The month it was published, "YYYY-MM", or "" when its frontmatter does not say (the build will). */
  month: string;
  /** What other articles' pages show of it; absent when its frontmatter is wrong (the build will say so). */
  story?: StoryFields | undefined;
}

/** Files in publication order: by month, then by path, so a split never depends on the order files were found. */
export function inPublicationOrder<T extends ArchiveFile>(files: readonly T[]): T[] {
  return [...files].sort((a, b) =>
    a.month !== b.month
      ? a.month < b.month
        ? -1
        : 1
      : a.path < b.path
        ? -1
        : a.path > b.path
          ? 1
          : 0,
  );
}

/**
 * Splits files into parts of at most `maxPerPart`, in publication order,
 * each as full as the limit allows. A part is what one build process holds
 * in memory, so its size, not the archive's, bounds the memory; every part
 * is a process that pays Astro's start-up (about 10 s here), so the parts
 * are as few as the limit allows: kept to whole months, an archive of
 * 520 articles a month made twice as many parts of 1,000. Since the parts
 * fill from the oldest article, new articles join the last part and the
 * older parts, and their caches, stay as they were.
 */
export function splitIntoParts<T extends ArchiveFile>(
  files: readonly T[],
  maxPerPart: number,
): T[][] {
  if (!Number.isInteger(maxPerPart) || maxPerPart < 1) {
    throw new RangeError(`a part holds at least one file, not ${maxPerPart}`);
  }
  const ordered = inPublicationOrder(files);
  const parts: T[][] = [];
  for (let start = 0; start < ordered.length; start += maxPerPart) {
    parts.push(ordered.slice(start, start + maxPerPart));
  }
  return parts;
}

/** Files in publication order, grouped by month. */
function byMonth<T extends ArchiveFile>(ordered: readonly T[]): T[][] {
  const months: T[][] = [];
  for (const file of ordered) {
    const last = months.at(-1);
    if (last && last[0]!.month === file.month) last.push(file);
    else months.push([file]);
  }
  return months;
}

/**
 * The files of shard `index` (from 0) of `count`: whole months, in order,
 * balanced by the number of articles. A month goes to the shard in whose
 * share of the archive its first article falls, so new months join the last
 * shard, and as the archive grows only the months at a shard's edge move.
 */
export function shardFiles<T extends ArchiveFile>(
  files: readonly T[],
  index: number,
  count: number,
): T[] {
  if (
    !Number.isInteger(count) ||
    count < 1 ||
    !Number.isInteger(index) ||
    index < 0 ||
    index >= count
  ) {
    throw new RangeError(`no shard ${index + 1} of ${count}`);
  }
  const ordered = inPublicationOrder(files);
  const shard: T[] = [];
  let start = 0;
  for (const month of byMonth(ordered)) {
    if (Math.min(count - 1, Math.floor((start * count) / ordered.length)) === index)
      shard.push(...month);
    start += month.length;
  }
  return shard;
}

/** What changed in the archive since the build a manifest describes. */
export interface ArchiveChanges<T> {
  /** New files, and files whose bytes changed. */
  changed: T[];
  /** Paths of files that are gone. */
  deleted: string[];
}

/** Compares the files now with those of the last build (path → digest). */
export function archiveChanges<T extends ArchiveFile>(
  previous: Readonly<Record<string, { digest: string }>>,
  current: readonly T[],
): ArchiveChanges<T> {
  const now = new Set(current.map(({ path }) => path));
  return {
    changed: current.filter(({ path, digest }) => previous[path]?.digest !== digest),
    deleted: Object.keys(previous)
      .filter((path) => !now.has(path))
      .sort(),
  };
}

/** What the build was asked for on its command line. */
export type BuildRequest =
  | { kind: "site"; full: boolean }
  | { kind: "shard"; index: number; count: number; full: boolean }
  | { kind: "merge"; shards: readonly string[] };

/** One `astro build` process of a plan: its name in the log, what it makes, and its cache's name. */
export interface PlannedJob {
  name: string;
  /** The pages it makes; its keys file is the carrying out's to name. */
  scope: BuildScope;
  /** The content-layer cache it keeps between builds. */
  cache: string;
}

/** A build to make, as carry-out.ts takes it. */
export interface Plan {
  kind: "full" | "incremental" | "shard" | "merge";
  /** Why this kind of build, for the log. */
  reason: string;
  /** The articles of the output: the archive's, or a shard's. */
  files: readonly ArchiveFile[];
  jobs: PlannedJob[];
  /**
   * Whether the last output is the start: its files are kept but for the
   * pages of the `previous` keys and of the keys the jobs make again. Otherwise
   * the output starts empty.
   */
  carryOver: boolean;
  /** The page keys the changed and deleted articles had in the last build, by path. */
  previous: Record<string, string[]>;
  /** Shards' outputs whose article pages the output takes. */
  shards: readonly string[];
  /**
   * For a shard, which one of how many: its output is article pages and the
   * record a merge checks. Absent, the output is a site, with the files that
   * follow every page (search index, sitemap, `_headers`).
   */
  shard?: { index: number; count: number };
  /** The last build's page keys for the articles this build does not load again. */
  keptKeys: Record<string, string[]>;
  /** The earlier stories each article of the output lists, chosen from the whole archive. */
  related: RelatedByArticle;
}

/** There is nothing to do: the output is what the plan would make. */
export interface UpToDate {
  kind: "up to date";
  reason: string;
}

/**
 * Plans a build. A site or shard starts from the last build when its
 * manifest matches the output and the inputs (code, packages, settings)
 * are the same, and then makes only what the changed articles touch;
 * otherwise it makes everything. A merge always makes the listings anew
 * from the shards. `date` is the build's: a site whose articles are as they
 * were still writes its files again when its news sitemap, which lists the
 * last two days' articles, would list others at this date.
 */
export function planBuild(
  request: BuildRequest,
  archive: readonly ArchiveFile[],
  inputs: Record<string, string>,
  last: ManifestReading,
  partSize: number,
  date: Date,
): Plan | UpToDate {
  const related = relatedOf(archive);
  if (request.kind === "merge") {
    return {
      ...everything(archive, [siteJob({ pages: "site" })], "merge", related),
      reason: `${request.shards.length} shards, ${archive.length} article files`,
      shards: request.shards,
    };
  }
  const shard =
    request.kind === "shard" ? { index: request.index, count: request.count } : undefined;
  const files = shard ? shardFiles(archive, shard.index - 1, shard.count) : archive;
  const what = shard
    ? `shard ${shard.index} of ${shard.count} (${files.length} of ${archive.length} article files)`
    : "";
  const fullReason = request.full ? "asked for with --full" : startingProblem(last, inputs);
  if (fullReason !== undefined) {
    const parts = splitIntoParts(files, partSize);
    const jobs = shard
      ? articleJobs(parts, "part", related)
      : parts.length <= 1
        ? [siteJob({ pages: "all", related: relatedFor(files, related) })]
        : [siteJob({ pages: "site" }), ...articleJobs(parts, "part", related)];
    const plan = everything(files, jobs, shard ? "shard" : "full", related);
    return {
      ...plan,
      reason: shard ? `${what}, all made: ${fullReason}` : fullReason,
      ...(shard && { shard }),
    };
  }
  const manifest = (last as { manifest: BuildManifest }).manifest;
  const { changed, deleted } = archiveChanges(manifest.articles, files);
  const added = changed.filter(({ path }) => !manifest.articles[path]).length;
  const counts =
    `${added} new, ${changed.length - added} edited and ${deleted.length} deleted ` +
    `article file(s) since the last build`;
  if (changed.length === 0 && deleted.length === 0) {
    const span = manifest.newsSitemapSpan;
    if (shard || (span && spanHolds(span, date))) {
      return { kind: "up to date", reason: "no article changed since the last build" };
    }
    // No page changes, so no process runs: the site's files are written
    // again from the pages as they are.
    return {
      kind: "incremental",
      reason:
        "no article changed since the last build, but the news sitemap's two days " +
        "hold other articles now",
      files,
      jobs: [],
      carryOver: true,
      previous: {},
      shards: [],
      keptKeys: Object.fromEntries(
        files.map(({ path }) => [path, manifest.articles[path]?.keys ?? []]),
      ),
      related,
    };
  }
  const previous = Object.fromEntries(
    [...changed.map(({ path }) => path), ...deleted].map((path) => [
      path,
      manifest.articles[path]?.keys ?? [],
    ]),
  );
  // Only the listings the changes touch are made again: an article page
  // that lists other articles is a page of its own, not a listing.
  const previousKeys = [...new Set(Object.values(previous).flat())].sort();
  const changedPaths = new Set(changed.map(({ path }) => path));
  // Articles as they were whose earlier stories are not what their pages
  // show: an earlier article edited, deleted or published with an old date.
  const relisted = files.filter(
    ({ path }) =>
      !changedPaths.has(path) &&
      relatedDigest(related[articleId(path)]) !== manifest.articles[path]?.related,
  );
  for (const { path } of relisted) {
    previous[path] = (manifest.articles[path]?.keys ?? []).filter(
      (key) => articleOfKey(key) !== undefined,
    );
  }
  const relistedCount =
    relisted.length > 0 ? `, and ${relisted.length} whose earlier stories changed` : "";
  const listings = shard
    ? []
    : [
        siteJob({
          pages: "site",
          changed: { ids: changed.map(({ path }) => articleId(path)), previousKeys },
        }),
      ];
  return {
    kind: shard ? "shard" : "incremental",
    reason: `${shard ? `${what}: ` : ""}${counts}${relistedCount}`,
    files,
    jobs: [
      ...listings,
      ...articleJobs(splitIntoParts([...changed, ...relisted], partSize), "changes", related),
    ],
    carryOver: true,
    previous,
    shards: [],
    ...(shard && { shard }),
    // A site job loads every article and says each one's keys; a shard's
    // jobs load only the changed ones.
    keptKeys: shard
      ? Object.fromEntries(
          files
            .filter(({ path }) => !changedPaths.has(path))
            .map(({ path }) => [path, manifest.articles[path]?.keys ?? []]),
        )
      : {},
    related,
  };
}

/** Why a build cannot start from the last one; undefined when it can. */
function startingProblem(
  last: ManifestReading,
  inputs: Record<string, string>,
): string | undefined {
  if ("problem" in last) return last.problem;
  const changed = changedInputs(last.manifest.inputs, inputs);
  if (changed.length > 0) return `${changed.join(", ")} changed since the last build`;
  return undefined;
}

/** A plan that makes every page of `files` from nothing. */
function everything(
  files: readonly ArchiveFile[],
  jobs: PlannedJob[],
  kind: Plan["kind"],
  related: RelatedByArticle,
): Plan {
  return {
    kind,
    reason: "",
    files,
    jobs,
    carryOver: false,
    previous: {},
    shards: [],
    keptKeys: {},
    related,
  };
}

/** Each article's earlier stories, chosen from every article of the archive that could be read. */
function relatedOf(archive: readonly ArchiveFile[]): RelatedByArticle {
  const stories = new Map(
    archive.flatMap(({ path, story }) => (story ? [[articleId(path), story] as const] : [])),
  );
  return Object.fromEntries(relatedStories(stories));
}

/** The part of `related` that concerns `files`. */
function relatedFor(files: readonly ArchiveFile[], related: RelatedByArticle): RelatedByArticle {
  return Object.fromEntries(
    files.flatMap(({ path }) => {
      const stories = related[articleId(path)];
      return stories ? [[articleId(path), stories] as const] : [];
    }),
  );
}

/** A digest of the earlier stories an article lists, "" for none: the manifest keeps it to see a list change. */
export function relatedDigest(stories: readonly RelatedStory[] | undefined): string {
  if (!stories || stories.length === 0) return "";
  return createHash("sha256").update(JSON.stringify(stories)).digest("hex").slice(0, 16);
}

/** The job that makes the listings and the pages that follow the whole archive (or, given "all", every page). */
function siteJob(scope: BuildScope): PlannedJob {
  return { name: "site", scope, cache: "site" };
}

/**
 * A job for each part's article pages, with the earlier stories they list;
 * `kind` names their caches, kept from one build to the next.
 */
function articleJobs(
  parts: readonly (readonly ArchiveFile[])[],
  kind: string,
  related: RelatedByArticle,
): PlannedJob[] {
  return parts.map((part, index) => ({
    name: `${kind} ${index + 1} of ${parts.length}`,
    scope: {
      pages: "articles",
      files: part.map(({ path }) => path),
      related: relatedFor(part, related),
    },
    cache: `${kind}-${index + 1}`,
  }));
}

/** An article's id, as the loader makes it from its path. */
export const articleId = (path: string): string => path.replace(/\.md$/i, "");
