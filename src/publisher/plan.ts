/*
 * The plan of a build: what `npm run build` makes and what it carries over
 * from the last build, decided from the archive, the build's inputs and the
 * last build's manifest, before any process starts. Pure: every kind of
 * build (full, incremental, a shard, a merge) is a plan made here and
 * carried out by carry-out.ts.
 */

import { articleIdOf } from "../lib/archive-index.ts";
import type { BuildScope, RelatedByArticle } from "../lib/job-scope.ts";
import { spanHolds } from "../lib/news-sitemap.ts";
import type { PageHeadFacts } from "../publishing/html-files.ts";
import { articleOfKey } from "../lib/page-keys.ts";
import { archiveChanges, shardFiles, splitIntoParts, type ArchiveFile } from "./archive-files.ts";
import { changedInputs } from "./inputs.ts";
import { keptPageFacts, type BuildManifest, type ManifestReading } from "./manifest.ts";
import { listingsAfter, pageKeys } from "./page-keys-plan.ts";
import { recordedPictureFiles } from "./picture-files.ts";
import { relatedDigests, relatedFor, relatedOf } from "./related.ts";

/** What the build was asked for on its command line. */
export type BuildRequest =
  | { kind: "site"; full: boolean }
  | { kind: "shard"; index: number; count: number; full: boolean }
  | { kind: "merge"; shards: readonly string[] };

/** One `astro build` process of a plan: its name in the log, what it makes, and its cache's name. */
export interface PlannedJob {
  name: string;
  /** The pages it makes; its archive index file is the carrying out's to name. */
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
  /**
   * The page keys whose pages the carried-over output loses, for the jobs
   * to make again: the `previous` keys, and the listings the changes touch.
   */
  remade: ReadonlySet<string>;
  /** The last output's size, when it is carried over. */
  lastSize?: BuildManifest["size"];
  /** Shards' outputs whose article pages the output takes. */
  shards: readonly string[];
  /**
   * For a shard, which one of how many: its output is article pages and the
   * record a merge checks. Absent, the output is a site, with the files that
   * follow every page (search index, sitemap, `_headers`).
   */
  shard?: { index: number; count: number };
  /**
   * Every article file's page keys (src/lib/page-keys.ts), by path: worked
   * out from its frontmatter, or the last build's for a file as it was.
   */
  keys: Record<string, string[]>;
  /** The picture files each article's page used in the last build, when it is carried over. */
  keptPictureFiles?: Record<string, string[]>;
  /**
   * What the last build's site files took from its pages' heads: a page
   * carried over keeps its facts, and only the pages made again are read.
   */
  keptHeads?: readonly PageHeadFacts[];
  /**
   * The earlier stories each article of the output lists, chosen from the
   * whole archive, digested (`relatedDigest`), by path.
   */
  relatedDigests: Record<string, string>;
}

/** There is nothing to do: the output is what the plan would make. */
export interface UpToDate {
  kind: "up to date";
  reason: string;
  /** The output's size, as the last build left it. */
  size: BuildManifest["size"];
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
      const reason = "no article changed since the last build";
      return { kind: "up to date", reason, size: manifest.size };
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
      remade: new Set(),
      lastSize: manifest.size,
      shards: [],
      keys: pageKeys(files, manifest.articles),
      ...(manifest.pages && { keptHeads: keptPageFacts(manifest.pages) }),
      keptPictureFiles: recordedPictureFiles(manifest),
      relatedDigests: relatedDigests(files, related),
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
  const digests = relatedDigests(files, related);
  const relisted = files.filter(
    ({ path }) => !changedPaths.has(path) && digests[path] !== manifest.articles[path]?.related,
  );
  for (const { path } of relisted) {
    previous[path] = (manifest.articles[path]?.keys ?? []).filter(
      (key) => articleOfKey(key) !== undefined,
    );
  }
  const relistedCount =
    relisted.length > 0 ? `, and ${relisted.length} whose earlier stories changed` : "";
  const pages = [...changed, ...relisted];
  const keys = pageKeys(files, manifest.articles, changedPaths);
  const made = listingsAfter(keys, {
    changed: [...changedPaths],
    deleted: deleted.length,
    previousKeys,
  });
  const listings: BuildScope = { pages: "site", made };
  // Pages that fit in one part are the listings process's to make too: a
  // second process would start Astro again (some 5 s of CPU) only to render
  // them on the other core. More go to processes of their own, in parts.
  const jobs = shard
    ? articleJobs(splitIntoParts(pages, partSize), "changes", related)
    : pages.length <= partSize
      ? [
          siteJob({
            ...listings,
            articles: {
              ids: pages.map(({ path }) => articleIdOf(path)),
              related: relatedFor(pages, related),
            },
          }),
        ]
      : [siteJob(listings), ...articleJobs(splitIntoParts(pages, partSize), "changes", related)];
  return {
    kind: shard ? "shard" : "incremental",
    reason: `${shard ? `${what}: ` : ""}${counts}${relistedCount}`,
    files,
    jobs,
    carryOver: true,
    previous,
    remade: new Set([...Object.values(previous).flat(), ...(shard ? [] : made)]),
    lastSize: manifest.size,
    shards: [],
    ...(shard && { shard }),
    keys,
    ...(!shard && manifest.pages && { keptHeads: keptPageFacts(manifest.pages) }),
    keptPictureFiles: recordedPictureFiles(manifest),
    relatedDigests: digests,
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
    remade: new Set(),
    shards: [],
    keys: pageKeys(files),
    relatedDigests: relatedDigests(files, related),
  };
}

/** The job that makes the listings and the pages that follow the whole archive (or, given "all", every page). */
function siteJob(scope: BuildScope): PlannedJob {
  return { ...LISTINGS_JOB, scope };
}

/** The listings job's name and cache: the first job of every plan that makes listings. */
export const LISTINGS_JOB = { name: "site", cache: "site" } as const;

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
