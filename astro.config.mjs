// @ts-check
import { unified } from "@astrojs/markdown-remark";
import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";
import rehypeRaw from "rehype-raw";
import rehypeSlug from "rehype-slug";
import dataStoreFromFile from "./src/integrations/data-store-from-file.ts";
import { deploymentNotice } from "./src/integrations/deployment-notice.ts";
import { securityHeaders } from "./src/integrations/security-headers.ts";
import { CSP_DIRECTIVES } from "./src/lib/csp.ts";
import { resolveDeployment } from "./src/lib/deployment.ts";
import { isPageId } from "./src/lib/page-ids.ts";
import rehypeAstroMessages from "./src/plugins/rehype-astro-messages.ts";
import rehypeBaseLinks from "./src/plugins/rehype-base-links.ts";
import rehypeCleanHtml from "./src/plugins/rehype-clean-html.ts";
import rehypeFormerIds from "./src/plugins/rehype-former-ids.ts";
import rehypeHeadingIds from "./src/plugins/rehype-heading-ids.ts";
import rehypeHeadingPins from "./src/plugins/rehype-heading-pins.ts";
import rehypeParagraphIds from "./src/plugins/rehype-paragraph-ids.ts";
import rehypeSectionLinks from "./src/plugins/rehype-section-links.ts";
import rehypeUpdateParagraph from "./src/plugins/rehype-update-paragraph.ts";
import remarkReadingTime from "./src/plugins/remark-reading-time.ts";
import { articleHtmlSchema } from "./src/schemas/article-html.ts";

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
  // one request: the HTML. Four pages are generated at a time: generation
  // mostly waits on the disk, and a 1,000-article build spent 8.0 s there one
  // page at a time, 4.2 s four at a time.
  build: { format: "directory", inlineStylesheets: "always", concurrency: 4 },
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
    // No highlighting: Shiki colours code with style="" attributes, which the
    // CSP forbids, and Prism's classes (for which there is no theme) run before
    // our plugins, so the sanitiser would strip them and warn about each one.
    syntaxHighlight: false,
    processor: unified({
      // The newsroom's typography is already right (the wire copy has its
      // curly quotes and dashes), and rewriting it cost 60% of Markdown
      // rendering time in a profile of 1,000 articles.
      smartypants: false,
      remarkPlugins: [remarkReadingTime],
      rehypePlugins: [
        // Astro parses pasted HTML only after every plugin; parse it first,
        // so the sanitiser sees it, and sanitise before we add ids and links.
        rehypeRaw,
        [rehypeCleanHtml, { schema: articleHtmlSchema }],
        [rehypeHeadingPins, { isReserved: isPageId }],
        rehypeSlug,
        [rehypeHeadingIds, { isReserved: isPageId }],
        [rehypeFormerIds, { isReserved: isPageId }],
        rehypeSectionLinks,
        rehypeParagraphIds,
        rehypeUpdateParagraph,
        [rehypeBaseLinks, { base: deployment.base }],
        // Last, so it hands every plugin's warnings and errors to the loader.
        rehypeAstroMessages,
      ],
    }),
  },
});
