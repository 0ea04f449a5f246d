/*
 * Palette indices being painted, and the palette they index. Rectangles
 * fill indices directly; a path is rasterised only over its own bounding box,
 * and each pixel then takes the path's colour over what was under it, at a
 * coverage rounded to a step fine enough that no colour is more than
 * `maxError` off its exact blend.
 */
import { distance, mix } from "./colour.ts";
import { accumulate } from "./coverage.ts";
import { flattenPath } from "./path-edges.ts";

/** The coverage buffer, kept between cards: a card's largest path needs about a megabyte. */
let coverage = new Float32Array(0);

/** An image being painted: one palette index a pixel, in PNG scanlines of filter byte 0. */
export class Canvas {
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

  /** Fills a rectangle on pixel bounds, clipped to the image; false past 256 colours. */
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

  /** Fills a path by its area coverage; false for a path it cannot read or past 256 colours. */
  fillPath(d: string, fill: number): boolean {
    const edges = flattenPath(d);
    if (edges === undefined) return false;
    const count = edges.length;
    if (count === 0) return true;
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
