import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { unified } from "@astrojs/markdown-remark";
import { messagesKey, type DocumentMessage } from "../../src/lib/document-messages";
import { markdownPipeline } from "../../src/markdown/pipeline";

/** What Astro's Markdown pipeline made of a document. */
export interface Rendered {
  html: string;
  /** What the plugins reported, as the article loader reads it. */
  frontmatter: Record<string, unknown>;
}

// The pipeline astro.config.mjs hands to Astro, for a site at the root; the
// shared settings are astro.config.mjs's too (no highlighting: see there).
const renderer = await unified(markdownPipeline({ base: "/" })).createRenderer({
  syntaxHighlight: false,
});

/** Renders Markdown with the project's own pipeline (src/markdown/pipeline.ts), in process. */
export async function renderMarkdown(
  markdown: string,
  frontmatter: Record<string, unknown> = {},
  /** The article file, as Astro names it to the pipeline: pictures' paths start from its folder. */
  fileURL?: URL,
): Promise<Rendered> {
  const result = await renderer.render(markdown, { frontmatter, ...(fileURL && { fileURL }) });
  return { html: result.code, frontmatter: result.metadata.frontmatter };
}

/**
 * Renders `markdown` as the article `story.md` in `folder` (its pictures'
 * paths start there), with what the plugins reported, as the article
 * loader reads it.
 */
export async function renderStory(
  folder: string,
  markdown: string,
): Promise<{ html: string; messages: DocumentMessage[] }> {
  const { html, frontmatter } = await renderMarkdown(
    markdown,
    {},
    pathToFileURL(join(folder, "story.md")),
  );
  return { html, messages: (frontmatter[messagesKey] ?? []) as DocumentMessage[] };
}
