import { existsSync, readFileSync } from "node:fs";
import { glob as fsGlob, readFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseFrontmatter } from "@astrojs/markdown-remark";
import type { DataStore, Loader, LoaderContext } from "astro/loaders";
import { glob } from "astro/loaders";
import { checkFrontmatter } from "../lib/frontmatter-check";
import { formatProblem, formatProblems, type Problem } from "../lib/problems";
import { findSharedUrls, type UrlEntry } from "../lib/shared-urls";
import { messagesKey, type DocumentMessage } from "../plugins/rehype-astro-messages";
import type { ExplainOptions } from "../lib/schema-problems";

/** Options of `articleLoader`. */
export interface ArticleLoaderOptions extends ExplainOptions {
  /** The folder of the articles, relative to the project's root. */
  base: string;
  /** Which files in it are articles (default: every `.md` file, however deep). */
  pattern?: string;
}

/**
 * The build's error for articles that must not be published. Its message is
 * the problems, one a line; it carries no stack, so Astro prints the message
 * alone ("content/articles/x.md: `hedline` is not a field — did you mean
 * `headline`?") instead of a trace of our code.
 */
export class ArticleError extends Error {
  /** The problems, for whoever wants more than the message. */
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(formatProblems(problems));
    this.name = "ArticleError";
    this.problems = problems;
    this.stack = "";
  }

  // Astro adds a hint about browser APIs to any error whose text mentions
  // "window" or "document"; an article's file name may.
  override toString(): string {
    return this.name;
  }
}

/**
 * Astro's glob loader with the checks an editor needs: every file's
 * frontmatter is read and checked before anything is rendered, so one build
 * names every problem in every file, in the editor's words; then, on what
 * was rendered, the errors and warnings our Markdown plugins reported and
 * articles that would share a URL. In `astro dev`, a file saved with a
 * problem is reported the same way and the page keeps its last good version.
 */
export function articleLoader(options: ArticleLoaderOptions): Loader {
  const { base, pattern = "**/*.md" } = options;
  // Ids come from file names, not from the `slug` field (the glob loader's
  // default), which two articles of different days may share.
  // Nothing reads an entry's raw Markdown, and keeping it costs memory.
  const inner = glob({
    base,
    pattern,
    generateId: ({ entry }) => entry.replace(/\.md$/i, ""),
    retainBody: false,
  });

  return {
    name: "articles",
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const folder = resolve(root, base);
      const display = (path: string) => displayPath(root, resolve(root, path));
      const checkRendered = (entry: StoredEntry) => documentProblems(entry, root, display, context);

      const problems: Problem[] = [];
      for await (const entry of fsGlob(pattern, { cwd: folder })) {
        const file = resolve(folder, entry);
        const check = checkFrontmatter(display(file), await readFile(file, "utf8"), options);
        if (!check.ok) problems.push(...check.problems);
      }
      if (problems.length > 0) throw new ArticleError(problems);

      // After the first load, `astro dev` reads, renders and stores each saved file again.
      const state = { loaded: false };
      const checkReloaded = (entry: StoredEntry) => {
        if (!state.loaded) return;
        const others = [...context.store.values()].filter((other) => other.id !== entry.id);
        const file = display(entry.filePath ?? entry.id);
        const found = [
          ...checkRendered(entry),
          ...findSharedUrls(urlEntries([entry, ...others], display), { involving: file }),
        ];
        if (found.length > 0) throw new ArticleError(found);
      };
      await inner.load({
        ...context,
        store: checkingStore(context.store, checkReloaded),
        ...checkingEntryTypes(context, options, display, state),
      });
      state.loaded = true;

      const entries = [...context.store.values()];
      const found = [
        ...entries.flatMap(checkRendered),
        ...findSharedUrls(urlEntries(entries, display)),
      ];
      if (found.length > 0) throw new ArticleError(found);
    },
  };
}

type StoredEntry = ReturnType<DataStore["values"]>[number];

/** The errors our Markdown plugins reported on a rendered entry; its warnings are printed. */
function documentProblems(
  entry: StoredEntry,
  root: string,
  display: (path: string) => string,
  { logger }: LoaderContext,
): Problem[] {
  const file = display(entry.filePath ?? entry.id);
  if (!entry.rendered) {
    return [{ file, message: "could not be turned into HTML (see the error above)" }];
  }
  const problems: Problem[] = [];
  // Astro would stop on a missing image too, but with a stack trace and no file name.
  const images = (entry.rendered.metadata?.["localImagePaths"] ?? []) as string[];
  const folder = dirname(resolve(root, entry.filePath ?? ""));
  for (const image of images) {
    if (!existsSync(resolve(folder, image))) {
      problems.push({
        file,
        message: `the image \`${image}\` does not exist (its path starts from the article's folder)`,
      });
    }
  }
  const messages = (entry.rendered.metadata?.frontmatter?.[messagesKey] ?? []) as DocumentMessage[];
  if (messages.length === 0) return problems;
  const bodyLine =
    entry.filePath === undefined ? 1 : firstLineOfBody(resolve(root, entry.filePath));
  for (const { reason, fatal, line } of messages) {
    const problem = {
      file,
      line: line === undefined ? undefined : bodyLine + line - 1,
      message: reason,
    };
    if (fatal) problems.push(problem);
    else logger.warn(formatProblem(problem));
  }
  return problems;
}

/** The file's line where the body starts: plugins count lines from there. */
function firstLineOfBody(file: string): number {
  // Astro renders the text after the frontmatter, less the blank lines
  // around it; blanking the frontmatter keeps every other character in place.
  const { content } = parseFrontmatter(readFileSync(file, "utf8"), {
    frontmatter: "empty-with-spaces",
  });
  const start = content.search(/\S/);
  return start < 0 ? 1 : content.slice(0, start).split("\n").length;
}

function urlEntries(
  entries: readonly StoredEntry[],
  display: (path: string) => string,
): UrlEntry[] {
  return entries.map((entry) => ({
    file: display(entry.filePath ?? entry.id),
    data: entry.data as unknown as UrlEntry["data"],
  }));
}

/** The store, with every entry set after the first load checked before it is stored. */
function checkingStore(store: DataStore, check: (entry: StoredEntry) => void): DataStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === "set") {
        return (entry: StoredEntry) => {
          check(entry);
          return target.set(entry);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** A Markdown entry type whose frontmatter is checked once the first load is done (`astro dev`'s reloads). */
function checkingEntryTypes(
  context: LoaderContext,
  options: ArticleLoaderOptions,
  display: (path: string) => string,
  state: { loaded: boolean },
): { entryTypes?: Map<string, EntryType> } {
  // Not in the loader's public types, but what the glob loader parses files with.
  const entryTypes = (context as LoaderContext & { entryTypes?: Map<string, EntryType> })
    .entryTypes;
  const markdown = entryTypes?.get(".md");
  if (!entryTypes || !markdown) return {};
  const checked: EntryType = {
    ...markdown,
    getEntryInfo: async (params) => {
      if (!state.loaded) return markdown.getEntryInfo(params);
      const check = checkFrontmatter(
        display(fileURLToPath(params.fileUrl)),
        params.contents,
        options,
      );
      if (!check.ok) throw new ArticleError(check.problems);
      return markdown.getEntryInfo(params);
    },
  };
  return { entryTypes: new Map([...entryTypes, [".md", checked]]) };
}

interface EntryType {
  getEntryInfo: (params: { contents: string; fileUrl: URL }) => Promise<unknown>;
}

/** A path as the editor knows it: from the project's root, or absolute when outside it. */
function displayPath(root: string, path: string): string {
  const fromRoot = relative(root, path);
  return fromRoot.startsWith("..") || isAbsolute(fromRoot) ? path : fromRoot.split("\\").join("/");
}
