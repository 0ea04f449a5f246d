/*
 * Exact area coverage, the accumulation method of font-rs: each edge adds
 * its signed area to the cells it crosses, and a running sum along a row
 * then gives each pixel's coverage.
 */

/**
 * Adds the signed area that the edge (x0, y0)–(x1, y1) covers to the right
 * of it to the cells it crosses, rows 0 to `rows` of `cells` cells each
 * (font-rs's accumulation rasteriser). x is at least 0.
 */
export function accumulate(
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
