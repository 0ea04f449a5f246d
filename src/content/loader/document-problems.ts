import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseFrontmatter } from "@astrojs/markdown-remark";
import type { LoaderContext } from "astro/loaders";
import { messagesKey, type DocumentMessage } from "../../lib/document-messages";
import { formatProblem, type Problem } from "../checks/problems";
import type { StoredEntry } from "./stored-entry";

/** The errors our Markdown plugins reported on a rendered entry; its warnings are printed. */
export function documentProblems(
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
