import type { z } from "astro/zod";
import { describe, quote } from "./describe-value.ts";
import { closestName } from "./did-you-mean.ts";
import { fieldLabel, fieldNamesAt } from "./schema-fields.ts";

type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;
type Path = readonly PropertyKey[];

/** What `explainIssues` needs to know besides the issues. */
export interface ExplainOptions {
  /** The schema the issues came from, to list the fields it does have. */
  schema: Schema;
  /** Keys from other systems and the field each means here (`title` → `headline`). */
  synonyms?: Readonly<Record<string, string>>;
}

/**
 * Schema issues in an editor's words, one line each, naming the field and the
 * reason: "`hedline` is not a field — did you mean `headline`?". Parse with
 * `reportInput: true`, so that a line can quote what the editor wrote.
 */
export function explainIssues(issues: readonly Issue[], options: ExplainOptions): string[] {
  const lines: string[] = [];
  const suggested = new Set<string>();
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const suggestion = suggestField(issue.path, key, options);
        if (suggestion) suggested.add(suggestion.join("."));
        lines.push(unknownKey([...issue.path, key], suggestion, options.schema));
      }
    }
  }
  // Zod still measures a value of the wrong type ("Just one" has more than
  // five characters); the wrong type is all there is to say about it.
  const wrongType = new Set(
    issues.filter(({ code }) => code === "invalid_type").map(({ path }) => path.join(".")),
  );
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") continue;
    const path = issue.path.join(".");
    // A typo'd key already says which field it should have been.
    if (isMissing(issue) && suggested.has(path)) continue;
    if (issue.code !== "invalid_type" && wrongType.has(path)) continue;
    lines.push(explainIssue(issue));
  }
  return lines;
}

function explainIssue(issue: Issue): string {
  const field = fieldLabel(issue.path);
  if (isMissing(issue)) return `${field} is missing`;
  if (issue.code === "invalid_type") {
    if (issue.path.length === 0) {
      return `the frontmatter must be a list of \`field: value\` lines, but it is ${describe(issue.input)}`;
    }
    return `${field} must be ${expectedWords(issue.expected)}, but it is ${describe(issue.input)}`;
  }
  // Zod's own messages start with a capital ("Too small: …"); the schema's are
  // written to follow the field's name ("must not be empty").
  const reason = /^[A-Z]/.test(issue.message) ? `: ${issue.message}` : ` ${issue.message}`;
  const quoted = issue.code === "too_small" || issue.code === "too_big" ? "" : quote(issue.input);
  return `${field}${reason}${quoted}`;
}

/** Whether the issue is about a field the file does not have (YAML has no undefined). */
function isMissing(issue: Issue): boolean {
  const aboutType = issue.code === "invalid_type" || issue.code === "invalid_union";
  return aboutType && issue.input === undefined && issue.path.length > 0;
}

function unknownKey(path: Path, suggestion: Path | undefined, schema: Schema): string {
  const field = fieldLabel(path);
  if (suggestion) return `${field} is not a field — did you mean ${fieldLabel(suggestion)}?`;
  const names = fieldNamesAt(schema, path.slice(0, -1)).map((name) => `\`${name}\``);
  return `${field} is not a field (the fields here: ${names.join(", ")})`;
}

/** The full path of the field an unknown key probably meant. */
function suggestField(parent: Path, key: PropertyKey, options: ExplainOptions): Path | undefined {
  const typed = String(key);
  // Own keys only: an editor's `__proto__` or `constructor` is just a key.
  const synonyms = options.synonyms ?? {};
  const synonym =
    parent.length === 0 && Object.hasOwn(synonyms, typed) ? synonyms[typed] : undefined;
  if (synonym !== undefined) return synonym.split(".");
  const name = closestName(typed, fieldNamesAt(options.schema, parent));
  return name === undefined ? undefined : [...parent, name];
}

const expectations: Readonly<Record<string, string>> = {
  string: "text",
  number: "a number",
  boolean: "`true` or `false`",
  array: "a list",
  object: "a group of `field: value` lines",
  record: "a group of `field: value` lines",
  date: "a date",
};

function expectedWords(expected: string): string {
  return Object.hasOwn(expectations, expected) ? expectations[expected]! : expected;
}
