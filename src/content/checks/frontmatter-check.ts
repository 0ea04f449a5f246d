import { extractFrontmatter, parseFrontmatter } from "@astrojs/markdown-remark";
import { z } from "astro/zod";
import { CORE_SCHEMA, load } from "js-yaml";
import type { Problem } from "./problems.ts";
import { explainIssues, type ExplainOptions } from "./explain-issues.ts";

/** What `checkFrontmatter` found: the valid data, or the problems. */
export type FrontmatterCheck<T> = { ok: true; data: T } | { ok: false; problems: Problem[] };

/** A YAML (js-yaml) or TOML (smol-toml) syntax error. */
interface SyntaxError {
  reason?: string;
  message: string;
  mark?: { line: number };
  line?: number;
}

/**
 * Reads a Markdown file's frontmatter and checks it against the schema.
 * Never throws: anything wrong comes back as problems naming the field (or,
 * for YAML that does not parse, the line).
 *
 * Astro reads YAML with js-yaml's default schema, which turns `2015-02-30`
 * into March 2 and `2015-13-01` into the next January without a word. Here
 * dates stay the text the editor wrote (js-yaml's core schema has no
 * timestamps), so the article schema sees that text and rejects it.
 */
export function checkFrontmatter<S extends z.core.$ZodType>(
  file: string,
  source: string,
  options: ExplainOptions & { schema: S },
): FrontmatterCheck<z.output<S>> {
  const raw = extractFrontmatter(source);
  if (raw === undefined) {
    return fail(file, [
      {
        message:
          "has no frontmatter: start the file with its fields (headline, bullets, …) between two `---` lines",
      },
    ]);
  }

  let data: unknown;
  try {
    data = /^\s*\+\+\+/.test(source)
      ? parseFrontmatter(source).frontmatter
      : load(raw, { schema: CORE_SCHEMA });
  } catch (error) {
    const { reason, message, mark, line } = error as SyntaxError;
    // The frontmatter starts on the line of the opening `---`, after the `---`.
    const opening = source.slice(0, source.indexOf(raw)).split("\n").length;
    const at = mark ? opening + mark.line : line === undefined ? undefined : opening + line - 1;
    const what = (reason ?? message.split("\n")[0] ?? "").trim();
    return fail(file, [{ line: at, message: `the frontmatter does not parse: ${what}` }]);
  }

  const result = z.safeParse(options.schema, data ?? {}, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  return fail(
    file,
    explainIssues(result.error.issues, options).map((message) => ({ message })),
  );
}

function fail(file: string, problems: Omit<Problem, "file">[]): { ok: false; problems: Problem[] } {
  return { ok: false, problems: problems.map((problem) => ({ file, ...problem })) };
}
