import { glob as fsGlob, readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { LoaderContext } from "astro/loaders";
import type { BuildScope } from "../../lib/job-scope";
import { mapLimited } from "../../lib/concurrency";
import { articleIdOf, indexedArticles, type IndexedFile } from "../../lib/archive-index";
import { readArchiveIndexFile } from "../archive-index-file";
import { buildDate } from "../../lib/build-date";
import { feedArticles } from "../../lib/feed";
import { chooseFrontPage } from "../../lib/front-page";
import { compareNewestFirst } from "../../lib/order";
import { site } from "../../site.config";
import { fileDigest } from "../../lib/file-digest";
import type { ExplainOptions } from "../checks/explain-issues";
import { checkFrontmatter } from "../checks/frontmatter-check";
import { findPageNameClashes, type NamesEntry } from "../checks/page-names";
import type { Problem } from "../checks/problems";
import { findSharedUrls, type UrlEntry } from "../checks/shared-urls";
import type { ListedFields } from "../listed-fields";
import type { ArticleData as Article } from "../schema/article";
import { writePictureImports } from "../picture-imports";
import { ArticleError } from "./article-error";
import { leadPictureProblems, withLeadPictureImport } from "./lead-picture";
import { documentProblems } from "./document-problems";
import type { StoredEntry } from "./stored-entry";

/** What the build loader needs besides the loader's context. */
export interface BuildLoadOptions extends ExplainOptions {
  /** The articles' folder, absolute. */
  folder: string;
  /** Which files in it are articles. */
  pattern: string;
  /** What this build process makes; null for the whole site. */
  scope: BuildScope | null;
  /** A path as the editor knows it. */
  display: (path: string) => string;
}

/** An article file as the build found it. */
interface ArticleFile {
  id: string;
  /** Relative to the project's root, as the content layer stores it. */
  filePath: string;
  absolute: string;
  digest: string;
  data: Article;
  /** The file's text, kept only when it will be rendered. */
  contents?: string;
}

/** The Markdown entry type's part that renders an entry, as the glob loader calls it. */
interface MarkdownEntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<{ body: string; data: unknown }>;
  getRenderFunction(config: LoaderContext["config"]): Promise<
    (entry: {
      id: string;
      data: unknown;
      body: string;
      filePath: string;
      digest: string;
    }) => Promise<StoredEntry["rendered"]>
  >;
}

/** Files read, checked or rendered at a time: enough to keep the disk and the thread pool busy. */
const CONCURRENCY = 16;

/**
 * The articles loader of `astro build`. Each file is read once: its
 * frontmatter is checked (so one build names every problem in every file, in
 * the editor's words) and it is rendered with Astro's own Markdown entry type,
 * as the glob loader would, but only what the build's scope needs:
 * - the whole site: every article, rendered;
 * - the pages of some articles: those files alone, rendered;
 * - the listings: the articles a feed carries, or whose pages it makes too,
 *   rendered; the others are listed from the publisher's archive index
 *   (src/lib/archive-index.ts), or, without one, stored unrendered.
 * A file whose digest the store already holds is not checked or rendered
 * again, nor read when the index gave its digest. Then the checks that
 * need the rendered text, and (for every scope that holds all the articles)
 * those across articles.
 */
export async function loadForBuild(context: LoaderContext, options: BuildLoadOptions) {
  const { folder, pattern, scope, display } = options;
  const root = fileURLToPath(context.config.root);
  const markdown = (context as LoaderContext & { entryTypes?: Map<string, MarkdownEntryType> })
    .entryTypes?.get(".md");
  if (!markdown) throw new Error("Astro has no Markdown entry type to render articles with");
  const filePathOf = (name: string) =>
    relative(root, resolve(folder, name)).split("\\").join("/");

  const index =
    scope?.pages === "site" && scope.index
      ? await readArchiveIndexFile<ListedFields>(scope.index)
      : undefined;
  const listed =
    index &&
    indexedArticles(index).map(({ id, path, data }) => ({ id, filePath: filePathOf(path), data }));
  const digests = index && Object.fromEntries(index.map(({ path, digest }) => [path, digest]));
  const names =
    scope?.pages === "articles"
      ? scope.files
      : index
        ? shownInFull(index, scope?.pages === "site" ? scope.articles?.ids : undefined)
        : await Array.fromAsync(fsGlob(pattern, { cwd: folder }));
  // Listed from an index, every article this process reads it shows in full.
  const rendersAll = scope?.pages !== "site" || index !== undefined;

  const problems: Problem[] = [];
  const files = await mapLimited(names.sort(), CONCURRENCY, async (name): Promise<ArticleFile | undefined> => {
    const absolute = resolve(folder, name);
    const id = articleIdOf(name);
    const filePath = filePathOf(name);
    const stored = context.store.get(id);
    const kept = (digest: string | undefined): ArticleFile | undefined =>
      stored && digest !== undefined && stored.digest === digest && stored.filePath === filePath
        ? { id, filePath, absolute, digest, data: stored.data as Article }
        : undefined;
    const given = kept(digests?.[name]);
    if (given) return given;
    const bytes = await readFile(absolute);
    // The publisher's digest covers the pictures the file shows too: kept
    // with the entry, the next build that gives it finds the entry fresh.
    const digest = digests?.[name] ?? fileDigest(bytes);
    const unchanged = kept(digest);
    if (unchanged) return unchanged;
    const contents = bytes.toString("utf8");
    const check = checkFrontmatter(display(absolute), contents, options);
    if (!check.ok) {
      problems.push(...check.problems);
      return undefined;
    }
    const picture = await leadPictureProblems(display(absolute), absolute, check.data as Article, context.logger);
    if (picture.length > 0) {
      problems.push(...picture);
      return undefined;
    }
    return { id, filePath, absolute, digest, data: check.data as Article, contents };
  });
  if (problems.length > 0) throw new ArticleError(problems);
  const articles = files.filter((file) => file !== undefined);

  const ids = new Set(articles.map(({ id }) => id));
  for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);

  const published = articles.filter(({ data }) => !data.draft);
  const pagesToMake = new Set(scope?.pages === "site" ? scope.articles?.ids : []);
  const toRender = rendersAll
    ? new Set(articles)
    : new Set([
        ...[...feedArticles(published.map((file) => ({ ...file.data, file })))].map(({ file }) => file),
        ...articles.filter(({ id }) => pagesToMake.has(id)),
      ]);
  const render = await markdown.getRenderFunction(context.config);
  await mapLimited(articles, CONCURRENCY, async (file) => {
    const stored = context.store.get(file.id);
    const fresh = stored?.digest === file.digest && stored.filePath === file.filePath;
    const wanted = toRender.has(file);
    // An entry a build does not render keeps no pictures: Astro would
    // bundle each one, and a picture bundled but never shown is copied
    // into the output as it is.
    if (fresh && (wanted ? stored.rendered : !stored.assetImports?.length)) return;
    const entry = { id: file.id, data: file.data, filePath: file.filePath, digest: file.digest };
    if (!wanted) {
      if (fresh) context.store.delete(file.id);
      context.store.set(entry);
      return;
    }
    const contents = file.contents ?? (await readFile(file.absolute, "utf8"));
    // The raw frontmatter, as Astro parses it, is what the Markdown plugins
    // see, exactly as under the glob loader that `astro dev` uses.
    const { body, data } = await markdown.getEntryInfo({
      contents,
      fileUrl: pathToFileURL(file.absolute),
    });
    let html: StoredEntry["rendered"];
    try {
      html = await render({ id: file.id, data, body, filePath: file.absolute, digest: file.digest });
    } catch (error) {
      context.logger.error(`Error rendering ${file.filePath}: ${(error as Error).message}`);
    }
    // The store keeps an entry whose digest it already has as it is: one
    // kept unrendered (a listings build renders only the feeds' articles)
    // would stay so when a deletion brings it into a feed.
    if (fresh) context.store.delete(file.id);
    context.store.set({
      ...entry,
      data: withLeadPictureImport(file.data),
      ...(html && { rendered: html, assetImports: html.metadata?.imagePaths ?? [] }),
    });
  });
  await writePictureImports(context.store.values(), context.config.cacheDir);

  const entries = [...context.store.values()];
  const renderedIds = new Set([...toRender].map(({ id }) => id));
  const found = entries
    .filter((entry) => renderedIds.has(entry.id))
    .flatMap((entry) => documentProblems(entry, root, display, context));
  if (scope?.pages !== "articles") {
    const all = listed ?? entries;
    found.push(
      ...findSharedUrls(checkedEntries(all, display)),
      ...findPageNameClashes(checkedEntries(all, display)),
    );
  }
  if (found.length > 0) throw new ArticleError(found);
}

/**
 * The files a listings process reads, of the archive index: those whose
 * frontmatter did not check (to say why), those a feed carries in full,
 * those the front page summarises (the index leaves out their bullets), and
 * those whose own pages it makes (`pageIds`).
 */
function shownInFull(
  index: readonly IndexedFile<ListedFields>[],
  pageIds: readonly string[] = [],
): string[] {
  const pages = new Set(pageIds);
  const unchecked = index.filter(({ frontmatter }) => !frontmatter);
  const published = index
    .flatMap((file) =>
      file.frontmatter && !file.frontmatter.draft ? [{ ...file.frontmatter, file }] : [],
    )
    .sort(compareNewestFirst);
  // As the front page chooses (src/pages/index.astro): on the build's day.
  const front = chooseFrontPage(published, (article) => article, buildDate(process.env), site.frontPage);
  return [
    ...new Set([
      ...unchecked.map(({ path }) => path),
      ...[...feedArticles(published)].map(({ file }) => file.path),
      ...[front.lead ?? [], front.latest].flat().map(({ file }) => file.path),
      ...index.filter(({ path }) => pages.has(articleIdOf(path))).map(({ path }) => path),
    ]),
  ];
}

/** Entries as the cross-article checks take them: the file, and the data (which the schema has checked). */
export function checkedEntries(
  entries: readonly Pick<StoredEntry, "id" | "filePath" | "data">[],
  display: (path: string) => string,
): (UrlEntry & NamesEntry)[] {
  return entries.map((entry) => ({
    file: display(entry.filePath ?? entry.id),
    data: entry.data as unknown as UrlEntry["data"] & NamesEntry["data"],
  }));
}
