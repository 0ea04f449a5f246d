import { fileURLToPath } from "node:url";
import { cacheDir, root } from "astro:config/server";
import { createCardRenderer } from "../lib/social-card";

/** Renders social cards, keeping each in Astro's cache folder so a rebuild redraws only what changed. */
export const renderCard = createCardRenderer({
  projectRoot: root,
  cacheDir: fileURLToPath(new URL("social-cards/", cacheDir)),
});
