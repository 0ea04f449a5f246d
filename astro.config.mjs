// @ts-check
import { unified } from "@astrojs/markdown-remark";
import { defineConfig } from "astro/config";
import rehypeSlug from "rehype-slug";
import rehypeSectionLinks from "./src/plugins/rehype-section-links.ts";

export default defineConfig({
  // Builds that run side by side (the test suite's) each need their own
  // content-layer cache, or one build reads another's articles.
  ...(process.env.ASTRO_CACHE_DIR && { cacheDir: process.env.ASTRO_CACHE_DIR }),
  // Every page is a folder with an index.html, and every link ends in "/":
  // the one URL shape that every static host serves without redirects.
  trailingSlash: "always",
  build: { format: "directory" },
  markdown: {
    processor: unified({
      // The newsroom's typography is already right (the wire copy has its
      // curly quotes and dashes), and rewriting it cost 60% of Markdown
      // rendering time in a profile of 1,000 articles.
      smartypants: false,
      rehypePlugins: [rehypeSlug, rehypeSectionLinks],
    }),
  },
});
