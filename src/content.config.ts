import { defineCollection } from "astro:content";
import { articleLoader } from "./content/loader/article-loader";
import { articleSchema } from "./content/schema/article";
import { fieldSynonyms } from "./content/schema/field-synonyms";
import { contentFolder } from "./lib/content-folder";

const contentDir = contentFolder(process.env);

const articles = defineCollection({
  loader: articleLoader({
    base: contentDir,
    schema: articleSchema,
    synonyms: fieldSynonyms,
  }),
  schema: articleSchema,
});

export const collections = { articles };
