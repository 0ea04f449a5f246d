import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { SatoriOptions } from "satori";
import { CARD_FONT_FAMILY, FONT_SUBSETS } from "./design.ts";

/** The card sets all its text in bold: a regular weight would only be parsed, never drawn. */
const fontWeights = [700] as const;

/** A font file as satori takes it. */
export type CardFont = SatoriOptions["fonts"][number];

/** Loads the card's fonts from the installed `@fontsource/source-serif-4`: nothing is fetched. */
export async function loadCardFonts(projectRoot: URL): Promise<CardFont[]> {
  const require = createRequire(new URL("package.json", projectRoot));
  const fonts: CardFont[] = [];
  for (const subset of FONT_SUBSETS) {
    for (const weight of fontWeights) {
      const file = require.resolve(
        `@fontsource/source-serif-4/files/source-serif-4-${subset}-${weight}-normal.woff`,
      );
      const name = `${CARD_FONT_FAMILY} ${subset}`;
      fonts.push({ name, data: await readFile(file), weight, style: "normal" });
    }
  }
  return fonts;
}

/** A digest of the fonts' names and bytes, computed once a build rather than once a card. */
export function fontsDigest(fonts: readonly CardFont[]): string {
  const hash = createHash("sha256");
  for (const font of fonts) {
    hash.update(`${font.name} ${font.weight} ${font.style}`);
    hash.update(new Uint8Array(font.data as ArrayBufferLike));
  }
  return hash.digest("hex");
}
