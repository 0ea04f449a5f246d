/*
 * The bench's baseline: the smallest Astro 7 site that publishes the same
 * articles, one page each, with Astro's defaults (its own Markdown
 * processor, no plugins, no checks, no cards, no CSP). What Broadsheet costs
 * beyond this is what our own work costs.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

const files: Record<string, string> = {
  "package.json": `${JSON.stringify({ name: "bare-astro-baseline", private: true, type: "module" })}\n`,
  "astro.config.mjs": [
    'import { defineConfig } from "astro/config";',
    "",
    "export default defineConfig({",
    "  ...(process.env.ASTRO_CACHE_DIR && { cacheDir: process.env.ASTRO_CACHE_DIR }),",
    "});",
    "",
  ].join("\n"),
  "src/content.config.ts": [
    'import { defineCollection } from "astro:content";',
    'import { glob } from "astro/loaders";',
    "",
    "const articles = defineCollection({",
    '  loader: glob({ base: process.env["CONTENT_DIR"]!, pattern: "**/*.md" }),',
    "});",
    "",
    "export const collections = { articles };",
    "",
  ].join("\n"),
  "src/pages/articles/[id].astro": [
    "---",
    'import { getCollection, render } from "astro:content";',
    "",
    "export async function getStaticPaths() {",
    '  const articles = await getCollection("articles");',
    "  return articles.map((article) => ({ params: { id: article.id }, props: { article } }));",
    "}",
    "",
    "const { article } = Astro.props;",
    "const { Content } = await render(article);",
    "---",
    "",
    '<html lang="en">',
    "  <head>",
    '    <meta charset="utf-8" />',
    "    <title>{article.data.headline}</title>",
    "  </head>",
    "  <body>",
    "    <h1>{article.data.headline}</h1>",
    "    <Content />",
    "  </body>",
    "</html>",
    "",
  ].join("\n"),
};

/** Writes the baseline site's project into `dir`, which must be inside this project (to find `astro`). */
export async function writeBareAstroSite(dir: string): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, ".."), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}
