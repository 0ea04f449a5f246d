import { defineCollection } from "astro:content";
import { articleLoader } from "./loaders/article-loader";
import { articleSchema, fieldSynonyms } from "./schemas/article";

/** Where the articles are; `CONTENT_DIR` points a build (a test, a benchmark) at another folder. */
const contentDir = process.env["CONTENT_DIR"] ?? "./content/articles";

const articles = defineCollection({
  loader: articleLoader({ base: contentDir, schema: articleSchema, synonyms: fieldSynonyms }),
  schema: articleSchema,
});

export const collections = { articles };
