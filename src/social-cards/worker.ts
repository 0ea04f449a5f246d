/*
 * A worker thread that draws social cards, so a build draws on every core
 * while the main thread renders pages. Node runs this file itself (type
 * stripping), outside Vite's bundle: hence the `.ts` imports.
 */
import type { CardNode } from "./design.ts";
import { drawCard } from "./draw.ts";
import { loadCardFonts, type CardFont } from "./fonts.ts";

let fonts: Promise<CardFont[]> | undefined;

/** Draws one card's PNG; the fonts load once per worker. */
export default async function drawCardInWorker({
  tree,
  projectRoot,
}: {
  tree: CardNode;
  projectRoot: string;
}): Promise<Uint8Array> {
  fonts ??= loadCardFonts(new URL(projectRoot));
  return drawCard(tree, await fonts);
}
