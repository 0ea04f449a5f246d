import { createRequire } from "node:module";
import satori from "satori";
import sharp from "sharp";
import { constants as zlibConstants } from "node:zlib";
import { CARD_HEIGHT, CARD_WIDTH } from "../lib/social-meta.ts";
import type { CardNode } from "./design.ts";
import type { CardFont } from "./fonts.ts";
import { encodeIndexedPng, writeIndexedPng } from "./indexed-png.ts";
import { paintSvg, type IndexedImage } from "./paint.ts";

/**
 * How the pixels become a PNG; part of the cache key, as it changes the bytes.
 * `painted` is for every card as designed: `paintSvg`'s palette, deflated
 * with zlib's run-length strategy (a card is long runs of one index: 0.9 ms
 * and about 18 KB, where level 6 took 3.6 ms for 15.6 KB). `indexed` and
 * `fallback` are for an SVG `paintSvg` turns down, rasterised by sharp:
 * `encodeIndexedPng`, or for an image it turns down (transparency, a photo),
 * sharp's quantiser.
 */
export const PNG_ENCODING = {
  painted: { maxError: 16, zlib: { strategy: zlibConstants.Z_RLE } },
  indexed: { maxError: 16, zlibLevel: 6 },
  fallback: { compressionLevel: 9, palette: true, quality: 90, effort: 10 },
} as const;

/** The version of `paintSvg`'s output: raise it when a change to paint.ts (or paint/) changes the pixels. */
const PAINT_VERSION = 1;

/** The renderers' versions, read from the installed packages; part of the cache key. */
export function rendererVersions(projectRoot: URL): string {
  const require = createRequire(new URL("package.json", projectRoot));
  const satoriVersion = (require("satori/package.json") as { version: string }).version;
  const versions = `satori@${satoriVersion} sharp@${sharp.versions.sharp} vips@${sharp.versions.vips}`;
  // zlib's version too: the indexed PNG is deflated by Node's own zlib.
  return `${versions} zlib@${process.versions.zlib} paint@${PAINT_VERSION}`;
}

/** A stage of drawing a card, as `drawCard` reports them to a bench. */
export type CardStage = "layout" | "rasterise" | "encode";

/** Told the CPU milliseconds (user and system, every thread of the process) each stage took. */
export type StageTimer = (stage: CardStage, cpuMs: number) => void;

/**
 * Draws a card: satori lays the text out as SVG paths, `paintSvg` rasterises
 * them into palette indices, and `writeIndexedPng` writes the PNG. An SVG
 * that `paintSvg` is not made for goes the long way: sharp rasterises it,
 * `encodeIndexedPng` finds its colours (or, for a photo, sharp's quantiser).
 * With `onStage`, it reports each stage's CPU time, for `npm run bench:cards`.
 */
export async function drawCard(
  tree: CardNode,
  fonts: CardFont[],
  onStage?: StageTimer,
): Promise<Buffer> {
  const timed = stageClock(onStage);
  const svg = await timed("layout", () =>
    satori(tree, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts }),
  );
  const painted = await timed("rasterise", () =>
    paintSvg(svg, CARD_WIDTH, CARD_HEIGHT, PNG_ENCODING.painted),
  );
  if (painted) return timed("encode", () => encodePainted(painted));
  const { data, info } = await timed("rasterise", () =>
    sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true }),
  );
  return timed(
    "encode",
    () =>
      encodeIndexedPng(data, info.width, info.height, PNG_ENCODING.indexed) ??
      sharp(data, { raw: info }).png(PNG_ENCODING.fallback).toBuffer(),
  );
}

function encodePainted({ rows, palette }: IndexedImage): Buffer {
  return writeIndexedPng(rows, CARD_WIDTH, CARD_HEIGHT, palette, PNG_ENCODING.painted.zlib);
}

/** Runs a stage, telling `onStage` its CPU time; without `onStage`, just runs it. */
function stageClock(onStage: StageTimer | undefined) {
  return async <T>(stage: CardStage, work: () => T | Promise<T>): Promise<T> => {
    if (!onStage) return work();
    const start = process.cpuUsage();
    const result = await work();
    const { user, system } = process.cpuUsage(start);
    onStage(stage, (user + system) / 1000);
    return result;
  };
}
