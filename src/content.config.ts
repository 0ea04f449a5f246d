import { defineCollection } from "astro:content";
import { articleLoader } from "./content/loader/article-loader";
import { articleSchema } from "./content/schema/article";
import { fieldSynonyms } from "./content/schema/field-synonyms";

/** Where the articles are; `CONTENT_DIR` points a build (a test, a benchmark) at another folder. */
const contentDir = process.env["CONTENT_DIR"] ?? "./content/articles";

const articles = defineCollection({
  loader: articleLoader({ base: contentDir, schema: articleSchema, synonyms: fieldSynonyms }),
  schema: articleSchema,
});

export const collections = { articles };
