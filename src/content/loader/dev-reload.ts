import { fileURLToPath } from "node:url";
import type { LoaderContext } from "astro/loaders";
import { checkFrontmatter } from "../checks/frontmatter-check";
import type { ExplainOptions } from "../checks/explain-issues";
import { ArticleError } from "./article-error";

/** A Markdown entry type whose frontmatter is checked once the first load is done (`astro dev`'s reloads). */
export function checkingEntryTypes(
  context: LoaderContext,
  options: ExplainOptions,
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
