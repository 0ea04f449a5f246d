import { checkFrontmatter } from "../content/checks/frontmatter-check.ts";
import { articleSchema, type ArticleData } from "../content/schema/article.ts";
import { fieldSynonyms } from "../content/schema/field-synonyms.ts";

/**
 * An article's frontmatter, checked by the very check the articles loader
 * runs, so that what the publisher reads of an article is what a build of
 * the whole site would: the earlier stories it chooses, and the archive
 * index the listings are made from (src/lib/archive-index.ts). Undefined
 * for a file the check refuses: the build then stops in the loader, naming
 * the problem.
 */
export function readFrontmatter(path: string, text: string): ArticleData | undefined {
  const check = checkFrontmatter(path, text, { schema: articleSchema, synonyms: fieldSynonyms });
  return check.ok ? check.data : undefined;
}
