import { createHash } from "node:crypto";
import { readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { PAGE_FILE, SITEMAP_INDEX_PATH, sitemapPath } from "../lib/site-urls.ts";
import type { DateSpan } from "../lib/news-sitemap.ts";
import type { SiteSize } from "../lib/host-limits.ts";
import type { PageHeadFacts } from "../publishing/html-files.ts";
import type { ArticleData } from "../content/schema/article.ts";
import { writeJsonFile } from "./json-file.ts";
import { SHARD_RECORD } from "./shards.ts";
import type { RetiredSite } from "./swap.ts";

/**
 * What the last build made, for the next one to start from: the inputs it
 * was made from, a fingerprint of the output it left, and for every article
 * file its digest and the page keys (src/lib/page-keys.ts) of the pages that
 * showed it. Kept in the cache, beside the caches it goes with, never in the
 * published site.
 */
export interface BuildManifest {
  version: typeof MANIFEST_VERSION;
  inputs: Record<string, string>;
  /** The output folder's fingerprint when the build put it in place. */
  output: string;
  /** The output's files and bytes, which the next build that carries it over adds its changes to. */
  size: SiteSize;
  /** By path in the content folder. Drafts have no keys: no page shows them. */
  articles: Record<string, ArticleRecord>;
  /**
   * The build dates that would write the same news sitemap, the one file
   * the build's date shapes; absent for a shard, which writes none.
   */
  newsSitemapSpan?: DateSpan;
  /**
   * What the site's files (sitemaps, `_headers`) took from each page's
   * head, so that the next build reads again only the pages it makes;
   * absent for a shard, which writes no site files.
   */
  pages?: KeptPages;
  /**
   * The retired site beside the output, for the next build to start from
   * (swap.ts): the site this build swapped out, or, when that differed in
   * more than half the files or there was none, a twin of the output.
   */
  retired?: RetiredSite;
}

/**
 * Pages' head facts as the manifest keeps them: each CSP policy once, since
 * a site has a few policies on thousands of pages (kept whole, they were
 * 410 bytes a page), and each page naming its policy by its place.
 */
export interface KeptPages {
  policies: string[];
  facts: (Omit<PageHeadFacts, "policy"> & { policy?: number })[];
}

/** Pages' head facts in the manifest's form. */
export function keepPages(pages: readonly PageHeadFacts[]): KeptPages {
  const places = new Map<string, number>();
  const facts = pages.map(({ policy, ...rest }) => {
    if (policy === undefined) return rest;
    let place = places.get(policy);
    if (place === undefined) places.set(policy, (place = places.size));
    return { ...rest, policy: place };
  });
  return { policies: [...places.keys()], facts };
}

/** Pages' head facts as the manifest kept them, each with its policy again. */
export function keptPageFacts({ policies, facts }: KeptPages): PageHeadFacts[] {
  return facts.map(({ policy, ...rest }) => ({
    ...rest,
    policy: policy === undefined ? undefined : policies[policy],
  }));
}

/** What the last build knew of one article file. */
export interface ArticleRecord {
  digest: string;
  /** The file's stamp when it was read (src/publisher/archive.ts): the same stamp, the same file. */
  stamp?: string;
  /** The month its frontmatter says it was published, "" when it does not say. */
  month: string;
  keys: string[];
  /** Its checked frontmatter, as `readFrontmatter` read it; absent when it did not check. */
  frontmatter?: ArticleData;
  /** A digest of the earlier stories its page lists (`relatedDigest`), "" for none. */
  related: string;
  /** The picture files it shows, relative to the content folder (src/publisher/archive.ts). */
  pictures?: string[];
  /** The files under `_astro/` its page uses for them (src/publisher/picture-files.ts). */
  pictureFiles?: string[];
}

const MANIFEST_VERSION = 6;

/**
 * The output files whose bytes stand for the whole output: any change of
 * pages changes the sitemap, any build of a site its front page, any build
 * of a shard its record (shards.ts).
 */
const FINGERPRINTED = [PAGE_FILE, SHARD_RECORD, SITEMAP_INDEX_PATH, sitemapPath(0), "_headers"];

/** A digest of the files that stand for a build's output; "" when there is none. */
export async function outputFingerprint(outDir: string): Promise<string> {
  const hash = createHash("sha256");
  let found = false;
  for (const name of FINGERPRINTED) {
    const bytes = await readFile(join(outDir, name)).catch(() => undefined);
    if (name === PAGE_FILE || name === SHARD_RECORD) found ||= bytes !== undefined;
    hash.update(`${name}\0`).update(bytes ?? "-");
  }
  return found ? hash.digest("hex") : "";
}

/** Why there is no usable manifest, or the manifest. */
export type ManifestReading = { manifest: BuildManifest } | { problem: string };

/**
 * The manifest of the build that made the output in `outDir`, from the
 * file at `path` or, when a build was stopped between putting its output in
 * place and its manifest beside it, from the one it left at `path.next`.
 */
export async function readManifest(path: string, outDir: string): Promise<ManifestReading> {
  const output = await outputFingerprint(outDir);
  if (output === "") return { problem: "there is no last build to start from" };
  let problem = "there is no manifest of the last build";
  for (const candidate of [`${path}.next`, path]) {
    const text = await readFile(candidate, "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const manifest = parseManifest(text);
    if (!manifest) problem = "the manifest of the last build is damaged";
    else if (manifest.output !== output) problem = "the output is not what the last build left";
    else return { manifest };
  }
  return { problem };
}

function parseManifest(text: string): BuildManifest | undefined {
  try {
    const value = JSON.parse(text) as Partial<BuildManifest> | null;
    const records = (item: unknown): item is Record<string, unknown> =>
      typeof item === "object" && item !== null && !Array.isArray(item);
    if (
      value?.version !== MANIFEST_VERSION ||
      typeof value.output !== "string" ||
      !records(value.size) ||
      typeof value.size["files"] !== "number" ||
      typeof value.size["bytes"] !== "number" ||
      !records(value.inputs) ||
      !records(value.articles) ||
      !Object.values(value.articles).every(
        (article) =>
          records(article) &&
          typeof article["digest"] === "string" &&
          typeof article["related"] === "string" &&
          Array.isArray(article["keys"]) &&
          article["keys"].every((key) => typeof key === "string"),
      ) ||
      (value.pages !== undefined &&
        !(
          records(value.pages) &&
          Array.isArray(value.pages.policies) &&
          Array.isArray(value.pages.facts) &&
          value.pages.facts.every((page) => records(page) && typeof page["path"] === "string")
        )) ||
      (value.retired !== undefined &&
        !(
          records(value.retired) &&
          typeof value.retired.name === "string" &&
          typeof value.retired.output === "string" &&
          records(value.retired.changes) &&
          (["added", "changed", "removed"] as const).every(
            (list) =>
              Array.isArray(value.retired!.changes[list]) &&
              value.retired!.changes[list].every((path) => typeof path === "string"),
          )
        )) ||
      (value.newsSitemapSpan !== undefined &&
        !(
          records(value.newsSitemapSpan) &&
          Object.values(value.newsSitemapSpan).every((end) => typeof end === "number")
        ))
    ) {
      return undefined;
    }
    return value as BuildManifest;
  } catch {
    return undefined;
  }
}

/**
 * Writes the manifest of a build whose output is about to replace the last
 * one: first beside the final file, as `path.next`, which `readManifest`
 * takes only if the output in place is the one it describes.
 */
export async function stageManifest(
  path: string,
  manifest: Omit<BuildManifest, "version" | "output">,
  outDir: string,
): Promise<void> {
  const whole: BuildManifest = {
    version: MANIFEST_VERSION,
    output: await outputFingerprint(outDir),
    ...manifest,
  };
  // In pieces down to each article's record and each page's facts.
  await writeJsonFile(`${path}.next`, whole, 3);
}

/** Makes the staged manifest the manifest, once its output is in place. */
export async function commitManifest(path: string): Promise<void> {
  await rename(`${path}.next`, path);
}

/** Forgets any staged manifest, when its build failed. */
export async function dropStagedManifest(path: string): Promise<void> {
  await rm(`${path}.next`, { force: true });
}
