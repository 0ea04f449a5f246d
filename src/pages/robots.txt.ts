import type { APIRoute } from "astro";
import { absoluteUrl } from "../lib/page-metadata";
import { withBase } from "../lib/urls";

/** Lets every crawler in and names the sitemap. Crawlers read it only at a host's root. */
export const GET: APIRoute = ({ site, url }) => {
  const sitemap = absoluteUrl(site ?? url, withBase(import.meta.env.BASE_URL, "sitemap-index.xml"));
  return new Response(`User-agent: *\nDisallow:\n\nSitemap: ${sitemap}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
};
