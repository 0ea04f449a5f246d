import type { APIRoute } from "astro";
import { urls } from "../data/site-urls";
import { SITEMAP_INDEX_PATH } from "../lib/site-urls";

/** Lets every crawler in and names the sitemap. Crawlers read it only at a host's root. */
export const GET: APIRoute = () => {
  const sitemap = urls.absolute(SITEMAP_INDEX_PATH);
  return new Response(`User-agent: *\nDisallow:\n\nSitemap: ${sitemap}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
};
