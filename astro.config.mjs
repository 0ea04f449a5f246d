// @ts-check
import { unified } from "@astrojs/markdown-remark";
import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";
import rehypeSlug from "rehype-slug";
import dataStoreFromFile from "./src/integrations/data-store-from-file.ts";
import { deploymentNotice } from "./src/integrations/deployment-notice.ts";
import { securityHeaders } from "./src/integrations/security-headers.ts";
import { CSP_DIRECTIVES } from "./src/lib/csp.ts";
import { resolveDeployment } from "./src/lib/deployment.ts";
import rehypeBaseLinks from "./src/plugins/rehype-base-links.ts";
import rehypeParagraphIds from "./src/plugins/rehype-paragraph-ids.ts";
import rehypeSectionLinks from "./src/plugins/rehype-section-links.ts";
import remarkReadingTime from "./src/plugins/remark-reading-time.ts";

// SITE_URL and BASE_PATH say where the site will be served (see the README).
const deployment = resolveDeployment(process.env);

export default defineConfig({
  site: deployment.site,
  base: deployment.base,
  // Builds that run side by side (the test suite's) each need their own
  // content-layer cache, or one build reads another's articles.
  ...(process.env.ASTRO_CACHE_DIR && { cacheDir: process.env.ASTRO_CACHE_DIR }),
  // Every page is a folder with an index.html, and every link ends in "/":
  // the one URL shape that every static host serves without redirects.
  trailingSlash: "always",
  // The article page's CSS is inlined whatever its size, so the page needs
  // one request: the HTML.
  build: { format: "directory", inlineStylesheets: "always" },
  // Astro hashes the scripts and styles it emits into a CSP <meta>;
  // securityHeaders() narrows it to what each page holds and writes _headers.
  security: { csp: { directives: [...CSP_DIRECTIVES] } },
  integrations: [
    dataStoreFromFile(),
    deploymentNotice(deployment),
    sitemap({ filter: (page) => !page.endsWith("/404/") }),
    securityHeaders(),
  ],
  markdown: {
    // Shiki colours code with style="" attributes, which the CSP forbids; Prism uses classes.
    syntaxHighlight: "prism",
    processor: unified({
      // The newsroom's typography is already right (the wire copy has its
      // curly quotes and dashes), and rewriting it cost 60% of Markdown
      // rendering time in a profile of 1,000 articles.
      smartypants: false,
      remarkPlugins: [remarkReadingTime],
      rehypePlugins: [
        rehypeSlug,
        rehypeSectionLinks,
        rehypeParagraphIds,
        [rehypeBaseLinks, { base: deployment.base }],
      ],
    }),
  },
});
