// @ts-check
import { unified } from "@astrojs/markdown-remark";
import { defineConfig, sharpImageService } from "astro/config";
import dataStoreFromFile from "./src/content/data-store-from-file.ts";
import oneSyncAtATime from "./src/content/one-sync-at-a-time.ts";
import pictureImportsPerBuild from "./src/content/picture-imports.ts";
import { markdownPipeline } from "./src/markdown/pipeline.ts";
import { CSP_DIRECTIVES } from "./src/publishing/csp.ts";
import { resolveDeployment } from "./src/publishing/deployment.ts";
import { deploymentNotice } from "./src/publishing/deployment-notice.ts";
import { pagePolicies } from "./src/publishing/security-headers.ts";
import { siteFiles } from "./src/publishing/site-files.ts";
import { BUILD_SCOPE_VARIABLE } from "./src/lib/job-scope.ts";
import { cardWorkerUrl } from "./src/social-cards/worker-url.ts";

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
  // pagePolicies() narrows it to what each page holds, and siteFiles()
  // writes _headers.
  security: { csp: { directives: [...CSP_DIRECTIVES] } },
  // A page's script is inlined, hashed into its CSP, whatever its size, as
  // its styles are: one request, and no script file (which would need an
  // SRI integrity attribute). Vite's 4 KB default would ship the search
  // page's script (4.2 KB) as a file. Other assets keep the default.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith(".js") ? true : undefined) } },
  integrations: [
    oneSyncAtATime(),
    dataStoreFromFile(),
    pictureImportsPerBuild(),
    cardWorkerUrl(),
    deploymentNotice(deployment),
    // Each page's CSP is narrowed as the page is made (a middleware), so
    // the site's files (search index, sitemap, _headers) read finished
    // pages. A build given a scope
    // makes only part of the site, and `npm run build` makes those files
    // once the parts are joined (src/publisher/).
    pagePolicies(),
    siteFiles({ wholeSite: !process.env[BUILD_SCOPE_VARIABLE] }),
  ],
  // AVIF at sharp's effort 2, not its default 4: a lead picture's 1280 px
  // AVIF took 1.5 s to encode, 0.2 s at effort 2, for a file 35% larger and
  // still smaller than its WebP (1,600 x 900, measured with sharp here).
  image: { service: sharpImageService({ avif: { effort: 2 } }) },
  markdown: {
    // No highlighting: Shiki colours code with style="" attributes, which the
    // CSP forbids, and Prism's classes (for which there is no theme) run before
    // our plugins, so the sanitiser would strip them and warn about each one.
    syntaxHighlight: false,
    // The plugins, in order, and why: src/markdown/pipeline.ts.
    processor: unified(markdownPipeline({ base: deployment.base })),
  },
});
