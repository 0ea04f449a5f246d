import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { cacheDir, root } from "astro:config/server";
import { Piscina } from "piscina";
import { createCardRenderer } from "./cache.ts";

// Drawing a card is ~15 ms of CPU (satori's layout, painting its SVG, the
// PNG: `npm run bench:cards`); a pool of worker threads draws them on every
// core. Idle workers exit, so they never hold a finished build open.
const pool = new Piscina({
  filename: import.meta.env.CARD_WORKER_URL,
  maxThreads: availableParallelism(),
  idleTimeout: 500,
});

/**
 * Renders social cards, keeping each in Astro's cache folder so a rebuild
 * redraws only what changed; `npm run build` names one folder for all the
 * processes it runs (CARD_CACHE_DIR).
 */
export const renderCard = createCardRenderer({
  projectRoot: root,
  cacheDir: process.env["CARD_CACHE_DIR"] ?? fileURLToPath(new URL("social-cards/", cacheDir)),
  draw: (tree) => pool.run({ tree, projectRoot: root.href }),
});
