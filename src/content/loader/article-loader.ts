import { glob as fsGlob, readFile } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader } from "astro/loaders";
import { glob } from "astro/loaders";
import type { ExplainOptions } from "../checks/explain-issues";
import { checkFrontmatter } from "../checks/frontmatter-check";
import { findPageNameClashes } from "../checks/page-names";
import type { Problem } from "../checks/problems";
import { findSharedUrls } from "../checks/shared-urls";
import { currentJobScope } from "../current-job";
import { ArticleError } from "./article-error";
import { checkedEntries, loadForBuild } from "./build-load";
import { checkingStore } from "./checking-store";
import { checkingEntryTypes } from "./dev-reload";
import { documentProblems } from "./document-problems";
import type { StoredEntry } from "./stored-entry";

/** Options of `articleLoader`. */
export interface ArticleLoaderOptions extends ExplainOptions {
  /** The folder of the articles, relative to the project's root. */
  base: string;
  /** Which files in it are articles (default: every `.md` file, however deep). */
  pattern?: string;
}

/**
 * Astro's glob loader with the checks an editor needs: every file's
 * frontmatter is read and checked before anything is rendered, so one build
 * names every problem in every file, in the editor's words; then, on what
 * was rendered, the errors and warnings our Markdown plugins reported,
 * articles that would share a URL, and topics or people written two ways. In `astro dev`, a file saved with a
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
      // `astro build` reads each file once and renders only what its scope
      // needs; `astro dev` keeps the glob loader, which watches the files.
      if (!context.watcher) {
        return loadForBuild(context, { ...options, folder, pattern, scope: currentJobScope(), display });
      }
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
          ...findSharedUrls(checkedEntries([entry, ...others], display), { involving: file }),
          ...findPageNameClashes(checkedEntries([entry, ...others], display), { involving: file }),
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
        ...findSharedUrls(checkedEntries(entries, display)),
        ...findPageNameClashes(checkedEntries(entries, display)),
      ];
      if (found.length > 0) throw new ArticleError(found);
    },
  };
}

/** A path as the editor knows it: from the project's root, or absolute when outside it. */
function displayPath(root: string, path: string): string {
  const fromRoot = relative(root, path);
  return fromRoot.startsWith("..") || isAbsolute(fromRoot) ? path : fromRoot.split("\\").join("/");
}
