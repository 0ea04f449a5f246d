/*
 * A rasteriser for the SVG that satori makes of a card, straight into an
 * indexed image: flat rectangles, and text as filled paths. Pure.
 *
 * A card's SVG is a few rectangles on pixel bounds and one path of glyphs per
 * block of text; librsvg (through sharp) drew all 1200 × 630 pixels of it in
 * RGBA, and the encoder then read them all back to find their colours. Here
 * the rectangles fill palette indices, and each path is rasterised only over
 * its own bounding box by exact area coverage. Its parts, in paint/: the
 * SVG's shapes (svg-shapes.ts), their colours (colour.ts), a path's edges
 * (path-edges.ts), the edges' coverage (coverage.ts), and the palette image
 * they are painted into (canvas.ts).
 */
import { Canvas } from "./paint/canvas.ts";
import { parseSvg } from "./paint/svg-shapes.ts";

/** A painted image: one palette index a pixel, in PNG scanlines of filter byte 0. */
export interface IndexedImage {
  /** `height` rows, each a filter byte (0) then `width` palette indices. */
  rows: Uint8Array;
  /** The colours, each 0xRRGGBB. */
  palette: number[];
}

/**
 * Paints a satori SVG of `width` × `height` into palette indices. Returns
 * undefined for any SVG it is not made for: an element or attribute other
 * than the rectangles, groups, paths and unused masks that satori writes for
 * a card, a rectangle off pixel bounds, a colour not #rrggbb or #rgb, a path
 * command other than absolute M, L, Q, C and Z, or more than 256 colours. The
 * caller then draws it another way.
 */
export function paintSvg(
  svg: string,
  width: number,
  height: number,
  { maxError }: { maxError: number },
): IndexedImage | undefined {
  const elements = parseSvg(svg, width, height);
  if (!elements) return undefined;
  const canvas = new Canvas(width, height, maxError);
  for (const element of elements) {
    const ok =
      element.kind === "rect"
        ? canvas.fillRect(element.x, element.y, element.width, element.height, element.fill)
        : canvas.fillPath(element.d, element.fill);
    if (!ok) return undefined;
  }
  return { rows: canvas.rows, palette: canvas.palette };
}
