// @ts-check
import { unified } from "@astrojs/markdown-remark";
import { defineConfig } from "astro/config";
import rehypeSlug from "rehype-slug";
import dataStoreFromFile from "./src/integrations/data-store-from-file.ts";
import rehypeParagraphIds from "./src/plugins/rehype-paragraph-ids.ts";
import rehypeSectionLinks from "./src/plugins/rehype-section-links.ts";
import remarkReadingTime from "./src/plugins/remark-reading-time.ts";

export default defineConfig({
  // Builds that run side by side (the test suite's) each need their own
  // content-layer cache, or one build reads another's articles.
  ...(process.env.ASTRO_CACHE_DIR && { cacheDir: process.env.ASTRO_CACHE_DIR }),
  integrations: [dataStoreFromFile()],
  // Every page is a folder with an index.html, and every link ends in "/":
  // the one URL shape that every static host serves without redirects.
  trailingSlash: "always",
  // The article page's CSS is inlined whatever its size, so the page needs
  // one request: the HTML.
  build: { format: "directory", inlineStylesheets: "always" },
  markdown: {
    processor: unified({
      // The newsroom's typography is already right (the wire copy has its
      // curly quotes and dashes), and rewriting it cost 60% of Markdown
      // rendering time in a profile of 1,000 articles.
      smartypants: false,
      remarkPlugins: [remarkReadingTime],
      rehypePlugins: [rehypeSlug, rehypeSectionLinks, rehypeParagraphIds],
    }),
  },
});
