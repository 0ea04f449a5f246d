/*
 * The colours a card's SVG gives (#rrggbb, #rgb) as 0xRRGGBB numbers, and
 * the arithmetic the painter blends them with.
 */

/** A colour as 0xRRGGBB, from #rrggbb or #rgb; undefined for any other notation. */
export function parseColour(text: string): number | undefined {
  if (/^#[0-9a-fA-F]{6}$/.test(text)) return parseInt(text.slice(1), 16);
  if (/^#[0-9a-fA-F]{3}$/.test(text)) {
    return parseInt(
      text.slice(1).replace(/./g, (digit) => digit + digit),
      16,
    );
  }
  return undefined;
}

/** How far apart two 0xRRGGBB colours are: the Euclidean distance between their channels. */
export function distance(a: number, b: number): number {
  const r = (a >>> 16) - (b >>> 16);
  const g = ((a >>> 8) & 0xff) - ((b >>> 8) & 0xff);
  const bl = (a & 0xff) - (b & 0xff);
  return Math.sqrt(r * r + g * g + bl * bl);
}

/** `fill` at `alpha` over `below`, as 8-bit sRGB compositing does it. */
export function mix(below: number, fill: number, alpha: number): number {
  let colour = 0;
  for (const shift of [16, 8, 0]) {
    const under = (below >>> shift) & 0xff;
    const over = (fill >>> shift) & 0xff;
    colour |= Math.round(under + (over - under) * alpha) << shift;
  }
  return colour;
}
