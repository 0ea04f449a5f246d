/*
 * A rasteriser for the SVG that satori makes of a card, straight into an
 * indexed image: flat rectangles, and text as filled paths. Pure.
 *
 * A card's SVG is a few rectangles on pixel bounds and one path of glyphs per
 * block of text; librsvg (through sharp) drew all 1200 × 630 pixels of it in
 * RGBA, and the encoder then read them all back to find their colours. Here
 * the rectangles fill palette indices, and each path is rasterised only over
 * its own bounding box by exact area coverage (the accumulation method of
 * font-rs: each edge adds its signed area to the cells it crosses, and a
 * running sum along the row gives each pixel's coverage). A pixel's colour is
 * then the path's colour over what was under it, at a coverage rounded to a
 * step fine enough that no colour is more than `maxError` off its exact blend.
 */

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

type Element =
  | { kind: "rect"; x: number; y: number; width: number; height: number; fill: number }
  | { kind: "path"; d: string; fill: number };

const tagPattern = /<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z:-]+="[^"]*")*)\s*(\/?)>/y;
const attributePattern = /([a-zA-Z:-]+)="([^"]*)"/g;

/** The rectangles and paths to fill, in order; undefined for anything else in the SVG. */
function parseSvg(svg: string, width: number, height: number): Element[] | undefined {
  const elements: Element[] = [];
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

/** A colour as 0xRRGGBB, from #rrggbb or #rgb. */
function parseColour(text: string): number | undefined {
  if (/^#[0-9a-fA-F]{6}$/.test(text)) return parseInt(text.slice(1), 16);
  if (/^#[0-9a-fA-F]{3}$/.test(text)) {
    return parseInt(
      text.slice(1).replace(/./g, (digit) => digit + digit),
      16,
    );
  }
  return undefined;
}

/** The coverage buffer, kept between cards: a card's largest path needs about a megabyte. */
let coverage = new Float32Array(0);

/** Palette indices being painted, and the palette they index. */
class Canvas {
  readonly rows: Uint8Array;
  readonly palette: number[] = [];
  readonly #width: number;
  readonly #height: number;
  readonly #maxError: number;
  readonly #entries = new Map<number, number>();

  constructor(width: number, height: number, maxError: number) {
    this.#width = width;
    this.#height = height;
    this.#maxError = maxError;
    this.rows = new Uint8Array((width + 1) * height);
  }

  /** The palette index of a colour, added if new; -1 past 256 colours. */
  #entry(colour: number): number {
    let index = this.#entries.get(colour);
    if (index === undefined) {
      if (this.palette.length === 256) return -1;
      index = this.palette.push(colour) - 1;
      this.#entries.set(colour, index);
    }
    return index;
  }

  fillRect(x: number, y: number, width: number, height: number, fill: number): boolean {
    const index = this.#entry(fill);
    if (index < 0) return false;
    const [left, right] = [Math.max(0, x), Math.min(this.#width, x + width)];
    const stride = this.#width + 1;
    for (let row = Math.max(0, y); row < Math.min(this.#height, y + height); row++) {
      this.rows.fill(index, row * stride + 1 + left, row * stride + 1 + right);
    }
    return true;
  }

  fillPath(d: string, fill: number): boolean {
    const count = flatten(d);
    if (count === undefined) return false;
    if (count === 0) return true;
    const edges = edgeBuffer;
    // The pixels the path touches, within the image.
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < count; i += 2) {
      minX = Math.min(minX, edges[i]!);
      maxX = Math.max(maxX, edges[i]!);
      minY = Math.min(minY, edges[i + 1]!);
      maxY = Math.max(maxY, edges[i + 1]!);
    }
    const left = Math.max(0, Math.floor(minX));
    const top = Math.max(0, Math.floor(minY));
    const right = Math.min(this.#width, Math.ceil(maxX));
    const bottom = Math.min(this.#height, Math.ceil(maxY));
    if (left >= right || top >= bottom) return true;
    // Two spare cells a row: an edge's area spills one cell past its right end.
    const cells = right - left + 2;
    const size = cells * (bottom - top);
    if (coverage.length < size) coverage = new Float32Array(size);
    const area = coverage;
    area.fill(0, 0, size);
    // An edge off the box's left or right side is moved onto it: a pixel in
    // the box reads only the sum of the areas to its left, which that keeps.
    const clamp = (x: number) => Math.min(right - left, Math.max(0, x - left));
    for (let i = 0; i < count; i += 4) {
      accumulate(
        area,
        cells,
        clamp(edges[i]!),
        edges[i + 1]! - top,
        clamp(edges[i + 2]!),
        edges[i + 3]! - top,
        bottom - top,
      );
    }
    return this.#blend(area, cells, left, top, right, bottom, fill);
  }

  /** Paints `fill` over the box at each pixel's coverage. */
  #blend(
    area: Float32Array,
    cells: number,
    left: number,
    top: number,
    right: number,
    bottom: number,
    fill: number,
  ): boolean {
    // For each palette index under the path: its steps of coverage, and the
    // palette index of each step's blend (-1 until needed).
    const steps: number[] = [];
    const blends: Int16Array[] = [];
    const stride = this.#width + 1;
    for (let y = top; y < bottom; y++) {
      const line = (y - top) * cells;
      const out = y * stride + 1;
      let sum = 0;
      for (let x = left; x < right; x++) {
        sum += area[line + x - left]!;
        const cover = Math.min(1, Math.abs(sum));
        if (cover < 1 / 512) continue;
        const under = this.rows[out + x]!;
        let table = blends[under];
        if (!table) {
          // Steps of coverage between the two colours, each moving the blend at
          // most 2 × maxError, so rounding to one moves it at most maxError.
          const count = Math.ceil(distance(this.palette[under]!, fill) / (2 * this.#maxError));
          steps[under] = Math.max(1, count);
          table = blends[under] = new Int16Array(steps[under] + 1).fill(-1);
        }
        const step = Math.round(cover * steps[under]!);
        let index = table[step]!;
        if (index < 0) {
          const below = this.palette[under]!;
          index = this.#entry(step === 0 ? below : mix(below, fill, step / steps[under]!));
          if (index < 0) return false;
          table[step] = index;
        }
        this.rows[out + x] = index;
      }
    }
    return true;
  }
}

function distance(a: number, b: number): number {
  const r = (a >>> 16) - (b >>> 16);
  const g = ((a >>> 8) & 0xff) - ((b >>> 8) & 0xff);
  const bl = (a & 0xff) - (b & 0xff);
  return Math.sqrt(r * r + g * g + bl * bl);
}

/** `fill` at `alpha` over `below`, as 8-bit sRGB compositing does it. */
function mix(below: number, fill: number, alpha: number): number {
  let colour = 0;
  for (const shift of [16, 8, 0]) {
    const under = (below >>> shift) & 0xff;
    const over = (fill >>> shift) & 0xff;
    colour |= Math.round(under + (over - under) * alpha) << shift;
  }
  return colour;
}

/** The edges of the path being flattened, kept between paths: a card's longest has about 10,000. */
let edgeBuffer = new Float64Array(1 << 16);

/**
 * A path's outline as straight edges in `edgeBuffer`, four numbers each (x0,
 * y0, x1, y1), every contour closed; returns how many numbers. Curves are
 * cut into lines no more than about a tenth of a pixel off (font-rs's rule
 * for quadratics). Undefined for a command other than absolute M, L, Q, C and
 * Z, or a number missing or malformed.
 */
function flatten(d: string): number | undefined {
  let edges = edgeBuffer;
  let count = 0;
  let [x, y, startX, startY] = [0, 0, 0, 0];
  const lineTo = (toX: number, toY: number) => {
    if (toX !== x || toY !== y) {
      if (count + 4 > edges.length) {
        const grown = new Float64Array(edges.length * 2);
        grown.set(edges);
        edges = edgeBuffer = grown;
      }
      edges[count++] = x;
      edges[count++] = y;
      edges[count++] = toX;
      edges[count++] = toY;
    }
    x = toX;
    y = toY;
  };
  let at = 0;
  let valid = true;
  /** Moves past spaces and commas; true if something follows. */
  const more = (): boolean => {
    while (at < d.length && (d.charCodeAt(at) === 0x20 || d.charCodeAt(at) === 0x2c)) at++;
    return at < d.length;
  };
  /**
   * The next number, read in place: a sign, digits, a point and digits (as
   * satori writes them, divided exactly as Number() would round them), or
   * with an exponent, by Number(). One missing or malformed clears `valid`.
   */
  const number = (): number => {
    more();
    const start = at;
    let sign = 1;
    if (d.charCodeAt(at) === 0x2d) {
      sign = -1;
      at++;
    } else if (d.charCodeAt(at) === 0x2b) at++;
    let mantissa = 0;
    let scale = 1;
    let digits = 0;
    let point = false;
    for (; at < d.length; at++) {
      const c = d.charCodeAt(at);
      if (c >= 0x30 && c <= 0x39) {
        mantissa = mantissa * 10 + (c - 0x30);
        if (point) scale *= 10;
        digits++;
      } else if (c === 0x2e && !point) {
        point = true;
      } else break;
    }
    const c = d.charCodeAt(at);
    if (c === 0x65 || c === 0x45) {
      at++;
      if (d.charCodeAt(at) === 0x2b || d.charCodeAt(at) === 0x2d) at++;
      while (d.charCodeAt(at) >= 0x30 && d.charCodeAt(at) <= 0x39) at++;
      const value = Number(d.slice(start, at));
      if (!Number.isFinite(value)) valid = false;
      return value;
    }
    // Up to 15 digits the mantissa and the scale are exact, so the quotient
    // is the double nearest the decimal, as Number() gives.
    if (digits === 0 || digits > 15) valid = false;
    return (sign * mantissa) / scale;
  };
  let command = 0;
  while (valid && more()) {
    const code = d.charCodeAt(at);
    if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) {
      command = code;
      at++;
    }
    switch (command) {
      case 0x4d: {
        // M
        const [toX, toY] = [number(), number()];
        lineTo(startX, startY); // closes the last contour, if it is open
        [x, y, startX, startY] = [toX, toY, toX, toY];
        command = 0x4c; // the numbers after an M's first pair are lines
        break;
      }
      case 0x4c: // L
        lineTo(number(), number());
        break;
      case 0x51: {
        // Q
        const [cx, cy, ex, ey] = [number(), number(), number(), number()];
        const [fromX, fromY] = [x, y];
        const ddx = fromX - 2 * cx + ex;
        const ddy = fromY - 2 * cy + ey;
        const n = 1 + Math.floor(Math.sqrt(Math.sqrt(3 * (ddx * ddx + ddy * ddy))));
        for (let k = 1; k < n; k++) {
          const t = k / n;
          const u = 1 - t;
          lineTo(
            u * u * fromX + 2 * u * t * cx + t * t * ex,
            u * u * fromY + 2 * u * t * cy + t * t * ey,
          );
        }
        lineTo(ex, ey);
        break;
      }
      case 0x43: {
        // C
        const [c1x, c1y, c2x, c2y] = [number(), number(), number(), number()];
        const [ex, ey] = [number(), number()];
        const [fromX, fromY] = [x, y];
        const ddx = Math.max(Math.abs(fromX - 2 * c1x + c2x), Math.abs(c1x - 2 * c2x + ex));
        const ddy = Math.max(Math.abs(fromY - 2 * c1y + c2y), Math.abs(c1y - 2 * c2y + ey));
        const n = 1 + Math.floor(Math.sqrt(Math.sqrt(12 * (ddx * ddx + ddy * ddy))));
        for (let k = 1; k < n; k++) {
          const t = k / n;
          const u = 1 - t;
          const [a, b, c, e] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
          lineTo(a * fromX + b * c1x + c * c2x + e * ex, a * fromY + b * c1y + c * c2y + e * ey);
        }
        lineTo(ex, ey);
        break;
      }
      case 0x5a: // Z
      case 0x7a: // z
        lineTo(startX, startY);
        command = 0; // a Z takes no numbers
        break;
      default:
        return undefined;
    }
  }
  lineTo(startX, startY);
  return valid ? count : undefined;
}

/**
 * Adds the signed area that the edge (x0, y0)–(x1, y1) covers to the right
 * of it to the cells it crosses, rows 0 to `rows` of `cells` cells each
 * (font-rs's accumulation rasteriser). x is at least 0.
 */
function accumulate(
  area: Float32Array,
  cells: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  rows: number,
): void {
  if (y0 === y1) return;
  let direction = 1;
  if (y0 > y1) {
    direction = -1;
    [x0, y0, x1, y1] = [x1, y1, x0, y0];
  }
  const slope = (x1 - x0) / (y1 - y0);
  const first = Math.max(0, Math.floor(y0));
  const last = Math.min(rows, Math.ceil(y1));
  let x = x0 + slope * (Math.max(y0, first) - y0);
  for (let row = first; row < last; row++) {
    const line = row * cells;
    const dy = Math.min(row + 1, y1) - Math.max(row, y0);
    const next = x + slope * dy;
    const d = dy * direction;
    const [from, to] = x < next ? [x, next] : [next, x];
    const fromCell = Math.floor(from);
    const toCell = Math.ceil(to);
    if (toCell <= fromCell + 1) {
      // Within one cell: its share of the area left of the edge's middle.
      const middle = 0.5 * (x + next) - fromCell;
      area[line + fromCell]! += d - d * middle;
      area[line + fromCell + 1]! += d * middle;
    } else {
      const s = 1 / (to - from);
      const fromFraction = from - fromCell;
      const a0 = 0.5 * s * (1 - fromFraction) * (1 - fromFraction);
      const toFraction = to - toCell + 1;
      const am = 0.5 * s * toFraction * toFraction;
      area[line + fromCell]! += d * a0;
      if (toCell === fromCell + 2) {
        area[line + fromCell + 1]! += d * (1 - a0 - am);
      } else {
        const a1 = s * (1.5 - fromFraction);
        area[line + fromCell + 1]! += d * (a1 - a0);
        for (let cell = fromCell + 2; cell < toCell - 1; cell++) area[line + cell]! += d * s;
        const a2 = a1 + (toCell - fromCell - 3) * s;
        area[line + toCell - 1]! += d * (1 - a2 - am);
      }
      area[line + toCell]! += d * am;
    }
    x = next;
  }
}
