/*
 * An SVG path's `d` read and flattened in one pass: its numbers are read in
 * place and its curves cut into straight edges as they come, into a buffer
 * kept between paths, so a path of glyphs allocates nothing per command.
 */

/** The edges of the path being flattened, kept between paths: a card's longest has about 10,000. */
let edgeBuffer = new Float64Array(1 << 16);

/**
 * A path's outline as straight edges, four numbers each (x0, y0, x1, y1),
 * every contour closed. Curves are cut into lines no more than about a tenth
 * of a pixel off (font-rs's rule for quadratics). Undefined for a command
 * other than absolute M, L, Q, C and Z, or a number missing or malformed.
 * The edges are a view of a buffer that the next call overwrites.
 */
export function flattenPath(d: string): Float64Array | undefined {
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
  return valid ? edges.subarray(0, count) : undefined;
}
