import type { APIRoute } from "astro";
import { urls } from "../data/site-urls";
import { NEWS_SITEMAP_PATH, SITEMAP_INDEX_PATH } from "../lib/site-urls";

/**
 * Lets every crawler in and names the sitemap index and the news sitemap
 * (src/publishing/sitemap.ts writes both). Crawlers read it only at a host's root.
 */
export const GET: APIRoute = () => {
  const sitemaps = [SITEMAP_INDEX_PATH, NEWS_SITEMAP_PATH].map(
    (file) => `Sitemap: ${urls.absolute(file)}\n`,
  );
  return new Response(`User-agent: *\nDisallow:\n\n${sitemaps.join("")}`, {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
};
