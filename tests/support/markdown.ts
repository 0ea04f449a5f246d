import config from "../../astro.config.mjs";

/** What Astro's Markdown pipeline made of a document. */
export interface Rendered {
  html: string;
  /** What the plugins reported, as the article loader reads it. */
  frontmatter: Record<string, unknown>;
}

const renderer = await config.markdown!.processor!.createRenderer({
  // As astro.config.mjs has it: the sanitiser would strip Shiki's colours.
  syntaxHighlight: false,
  gfm: true,
  smartypants: true,
});

/** Renders Markdown with the project's own pipeline (the plugins of astro.config.mjs), in process. */
export async function renderMarkdown(
  markdown: string,
  frontmatter: Record<string, unknown> = {},
): Promise<Rendered> {
  const result = await renderer.render(markdown, { frontmatter });
  return { html: result.code, frontmatter: result.metadata.frontmatter };
}
