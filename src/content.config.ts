import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { articleSchema } from "./schemas/article";

/** Where the articles are; `CONTENT_DIR` points a build (a test, a benchmark) at another folder. */
const contentDir = process.env["CONTENT_DIR"] ?? "./content/articles";

const articles = defineCollection({
  loader: glob({ pattern: "**/*.md", base: contentDir, retainBody: false }),
  schema: articleSchema,
});

export const collections = { articles };
