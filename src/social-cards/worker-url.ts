import type { AstroIntegration } from "astro";

/**
 * The worker's entry (worker-entry.cjs, which imports worker.ts), found
 * beside this file. The pool cannot find it from its own `import.meta.url`: Vite bundles the pool into the build's chunks,
 * while Node runs the worker from its source. This module is loaded by
 * astro.config.mjs, unbundled, so its URL is the source's.
 */
export const CARD_WORKER_URL = new URL("./worker-entry.cjs", import.meta.url);

/** Hands the worker's URL to the bundled pool as `import.meta.env.CARD_WORKER_URL`. */
export function cardWorkerUrl(): AstroIntegration {
  return {
    name: "broadsheet:card-worker-url",
    hooks: {
      "astro:config:setup": ({ updateConfig }) => {
        updateConfig({
          vite: {
            define: { "import.meta.env.CARD_WORKER_URL": JSON.stringify(CARD_WORKER_URL.href) },
          },
        });
      },
    },
  };
}
