// @ts-check
import { unified } from "@astrojs/markdown-remark";
import { defineConfig } from "astro/config";
import rehypeSlug from "rehype-slug";
import rehypeSectionLinks from "./src/plugins/rehype-section-links.ts";

export default defineConfig({
  // Every page is a folder with an index.html, and every link ends in "/":
  // the one URL shape that every static host serves without redirects.
  trailingSlash: "always",
  build: { format: "directory" },
  markdown: {
    processor: unified({
      rehypePlugins: [rehypeSlug, rehypeSectionLinks],
    }),
  },
});
