import type { AstroConfig, AstroIntegration } from "astro";
import { PAGE_RECIPE_VARIABLE } from "../lib/page-cache.ts";

/**
 * Turns on Astro's incremental build (`experimental.incrementalBuild`) in a
 * build that `npm run build` gave a page recipe (src/lib/page-cache.ts): a
 * page whose key is the one it had in the last build is copied from Astro's
 * cache rather than rendered. A build without one renders every page and
 * leaves the cache as it was; with the flag on it would drop from the cache
 * every page it did not make, and a publish makes only a few.
 *
 * The flag is set once the content is synced, not in astro.config.mjs:
 * Astro's content layer keeps a digest of the config, and a publish (no
 * recipe) after a full build would find the config changed and clear the
 * content store, to read and check every article again. So it is set at
 * `astro:build:start` on the config Astro gave at `astro:config:done`,
 * which its build reads from then on.
 */
export function incrementalPages(): AstroIntegration {
  let config: AstroConfig | undefined;
  return {
    name: "broadsheet:incremental-pages",
    hooks: {
      "astro:config:done": ({ config: done }) => {
        config = done;
      },
      "astro:build:start": () => {
        if (config && process.env[PAGE_RECIPE_VARIABLE])
          config.experimental.incrementalBuild = true;
      },
    },
  };
}
