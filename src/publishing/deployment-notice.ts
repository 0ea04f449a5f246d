import type { AstroIntegration } from "astro";
import { siteUrls } from "../lib/site-urls";
import type { Deployment } from "./deployment";

/** Says, when a build starts, where its absolute URLs will point, and warns when SITE_URL was left unset. */
export function deploymentNotice(deployment: Deployment): AstroIntegration {
  return {
    name: "broadsheet:deployment",
    hooks: {
      "astro:config:setup": ({ command, logger }) => {
        if (command !== "build") return;
        const where = siteUrls(deployment).absolute();
        if (deployment.siteIsDefault) {
          logger.warn(
            `SITE_URL is not set, so canonical URLs, the feed, the sitemap and social cards point to ${where}. ` +
              "Set SITE_URL (and BASE_PATH for a subpath) to where the site will be served.",
          );
        } else {
          logger.info(`Building for ${where}`);
        }
      },
    },
  };
}
