import { articlePath, type ArticlePathFields } from "../../lib/site-urls";
import type { Problem } from "./problems";

/** An article's file and the fields its URL is made from. */
export interface UrlEntry {
  file: string;
  data: ArticlePathFields;
}

/**
 * Articles that would get the same URL (same date, same slug), which would
 * leave one of them unpublished. Drafts count: publishing one must not take
 * another article's page. Each problem names both files; `involving` keeps
 * only the clashes of one file.
 */
export function findSharedUrls(
  entries: readonly UrlEntry[],
  { involving }: { involving?: string } = {},
): Problem[] {
  const byPath = new Map<string, string[]>();
  for (const { file, data } of entries) {
    const path = articlePath(data);
    byPath.set(path, [...(byPath.get(path) ?? []), file]);
  }
  const problems: Problem[] = [];
  for (const [path, files] of byPath) {
    if (involving !== undefined && !files.includes(involving)) continue;
    const [first, ...others] = [...files].sort();
    for (const file of others) {
      problems.push({
        file,
        message: `would have the same URL as ${first} (/${path}): give one of them its own \`slug\``,
      });
    }
  }
  return problems;
}
