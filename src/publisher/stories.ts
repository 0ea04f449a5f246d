import { checkFrontmatter } from "../content/checks/frontmatter-check.ts";
import { articleSchema } from "../content/schema/article.ts";
import { fieldSynonyms } from "../content/schema/field-synonyms.ts";
import type { StoryFields } from "../lib/related-stories.ts";

/**
 * The fields of an article that other articles' pages show (its headline,
 * date, URL and topics, in their earlier stories), read with the very check
 * the articles loader runs, so that the publisher and an `astro build` of
 * the whole site choose the same stories. Undefined for a file the check
 * refuses: the build then stops in the loader, naming the problem.
 */
export function readStory(path: string, text: string): StoryFields | undefined {
  const check = checkFrontmatter(path, text, { schema: articleSchema, synonyms: fieldSynonyms });
  if (!check.ok) return undefined;
  const { headline, published, timezone, topics, slug, draft } = check.data;
  return { headline, published, timezone, topics, ...(slug && { slug }), ...(draft && { draft }) };
}
