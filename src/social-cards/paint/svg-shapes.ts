/*
 * Reads the SVG that satori writes for a card into the shapes to fill. It
 * reads that subset only, tag by tag, and turns down anything else, so a
 * card designed differently falls back to a real SVG renderer instead of
 * being painted wrong.
 */
import { parseColour } from "./colour.ts";

/** A shape to fill: a rectangle on pixel bounds, or a path (its `d` unparsed); fills are 0xRRGGBB. */
export type SvgShape =
  | { kind: "rect"; x: number; y: number; width: number; height: number; fill: number }
  | { kind: "path"; d: string; fill: number };

const tagPattern = /<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z:-]+="[^"]*")*)\s*(\/?)>/y;
const attributePattern = /([a-zA-Z:-]+)="([^"]*)"/g;

/**
 * The rectangles and paths of a satori SVG of `width` × `height` to fill, in
 * order; undefined for anything else in the SVG: an element or attribute
 * other than the rectangles, groups, paths and unused masks that satori
 * writes for a card, a rectangle off pixel bounds, a colour not #rrggbb or #rgb.
 */
export function parseSvg(svg: string, width: number, height: number): SvgShape[] | undefined {
  const elements: SvgShape[] = [];
  let inMask = 0;
  let at = 0;
  tagPattern.lastIndex = 0;
  while (at < svg.length) {
    tagPattern.lastIndex = at;
    const tag = tagPattern.exec(svg);
    if (!tag) return undefined;
    at = tagPattern.lastIndex;
    const [, closing, name, attributeText, selfClosing] = tag;
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attributeText!.matchAll(attributePattern)) {
      attributes[key!] = value!;
    }
    const keys = Object.keys(attributes).sort().join(" ");
    if (closing) {
      if (name === "mask") inMask--;
      continue;
    }
    switch (name) {
      case "svg":
        if (
          attributes.width !== String(width) ||
          attributes.height !== String(height) ||
          attributes.viewBox !== `0 0 ${width} ${height}` ||
          keys !== "height viewBox width xmlns"
        )
          return undefined;
        break;
      case "mask":
        // satori writes a mask for each box, used only when the box clips
        // (overflow, rounded corners); a card's are never referenced.
        if (keys !== "id" || selfClosing) return undefined;
        inMask++;
        break;
      case "g":
        if (keys !== "") return undefined;
        break;
      case "rect": {
        if (keys !== "fill height width x y") return undefined;
        if (inMask) break;
        const fill = parseColour(attributes.fill!);
        const [x, y, w, h] = [attributes.x, attributes.y, attributes.width, attributes.height].map(
          Number,
        ) as [number, number, number, number];
        if (fill === undefined || ![x, y, w, h].every(Number.isInteger)) return undefined;
        elements.push({ kind: "rect", x, y, width: w, height: h, fill });
        break;
      }
      case "path": {
        if (keys !== "d fill" || inMask) return undefined;
        const fill = parseColour(attributes.fill!);
        if (fill === undefined) return undefined;
        elements.push({ kind: "path", d: attributes.d!, fill });
        break;
      }
      default:
        return undefined;
    }
  }
  return inMask === 0 ? elements : undefined;
}
