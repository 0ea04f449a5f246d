import { createRequire } from "node:module";
import satori from "satori";
import sharp from "sharp";
import { CARD_HEIGHT, CARD_WIDTH } from "../lib/social-meta.ts";
import type { CardNode } from "./design.ts";
import type { CardFont } from "./fonts.ts";

/** How the SVG becomes a PNG; part of the cache key, as it changes the bytes. */
export const PNG_OPTIONS = { compressionLevel: 9, palette: true, quality: 90, effort: 10 } as const;

/** The renderers' versions, read from the installed packages; part of the cache key. */
export function rendererVersions(projectRoot: URL): string {
  const require = createRequire(new URL("package.json", projectRoot));
  const satoriVersion = (require("satori/package.json") as { version: string }).version;
  return `satori@${satoriVersion} sharp@${sharp.versions.sharp} vips@${sharp.versions.vips}`;
}

/** Draws a card: satori lays the text out as SVG paths, sharp rasterises them to PNG. */
export async function drawCard(tree: CardNode, fonts: CardFont[]): Promise<Buffer> {
  const svg = await satori(tree, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
  return sharp(Buffer.from(svg)).png(PNG_OPTIONS).toBuffer();
}
