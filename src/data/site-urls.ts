import { siteUrls } from "../lib/site-urls";

/**
 * The site's URLs for this build: `SITE_URL` and `BASE_PATH` as astro.config.mjs
 * resolved them. Layouts and pages link through this, never by joining paths.
 */
export const urls = siteUrls({ site: import.meta.env.SITE, base: import.meta.env.BASE_URL });
