import { describe, expect, test } from "vitest";
import { flattenPath } from "../../src/social-cards/paint/path-edges";

/** The edges as [x0, y0, x1, y1] each. */
function edges(d: string): number[][] {
  const flat = flattenPath(d)!;
  expect(flat).toBeDefined();
  const out: number[][] = [];
  for (let i = 0; i < flat.length; i += 4) out.push([...flat.subarray(i, i + 4)]);
  return out;
}

describe("flattenPath", () => {
  test("gives a closed contour's sides as edges, leaving out edges of no length", () => {
    expect(edges("M1 1L3 1L3 3L1 3Z")).toEqual([
      [1, 1, 3, 1],
      [3, 1, 3, 3],
      [3, 3, 1, 3],
      [1, 3, 1, 1],
    ]);
    expect(edges("M1 1L1 1L3 1L3 3Z")).toEqual(edges("M1 1L3 1L3 3Z"));
  });

  test("closes a contour left open, at the next M and at the end", () => {
    expect(edges("M0 0L2 0L2 2M5 5L6 5L6 6")).toEqual([
      [0, 0, 2, 0],
      [2, 0, 2, 2],
      [2, 2, 0, 0],
      [5, 5, 6, 5],
      [6, 5, 6, 6],
      [6, 6, 5, 5],
    ]);
  });

  test("takes the pairs after an M's first as lines, and numbers as SVG allows them", () => {
    const square = edges("M1 1L3 1L3 3L1 3Z");
    expect(edges("M1 1 3 1 3 3 1 3Z")).toEqual(square);
    expect(edges("M1,1 L3,1 L3,3 L1,3 Z")).toEqual(square);
    expect(edges("M.1e1 +1L3.0 1L30e-1 3L1 3z")).toEqual(square);
    expect(edges("M-1-1L-3-1L-3-3Z")).toEqual([
      [-1, -1, -3, -1],
      [-3, -1, -3, -3],
      [-3, -3, -1, -1],
    ]);
  });

  test("reads a decimal as the same double as Number() does", () => {
    expect(edges("M0.1 1234.567L98765.4321 0.3")[0]).toEqual([0.1, 1234.567, 98765.4321, 0.3]);
  });

  test("cuts curves into lines within a fifth of a pixel of the curve, ending on its end point", () => {
    const curves = {
      quadratic: {
        d: "M0 0Q40 0 40 40",
        at: (t: number) => [2 * (1 - t) * t * 40 + t * t * 40, t * t * 40],
      },
      cubic: {
        d: "M0 0C30 0 40 10 40 40",
        at: (t: number) => [
          3 * (1 - t) ** 2 * t * 30 + 3 * (1 - t) * t * t * 40 + t ** 3 * 40,
          3 * (1 - t) * t * t * 10 + t ** 3 * 40,
        ],
      },
    };
    for (const [name, { d, at }] of Object.entries(curves)) {
      const lines = edges(d);
      expect(lines.length, name).toBeGreaterThan(8);
      // The last edge closes the contour, back from the end point.
      expect(lines.at(-1)!.slice(0, 2), name).toEqual([40, 40]);
      const curve = Array.from({ length: 2001 }, (_, k) => at(k / 2000));
      for (const [x0, y0, x1, y1] of lines.slice(0, -1)) {
        const [mx, my] = [(x0! + x1!) / 2, (y0! + y1!) / 2];
        const off = Math.min(...curve.map(([x, y]) => Math.hypot(x! - mx, y! - my)));
        expect(off, name).toBeLessThan(0.2);
      }
    }
  });

  test("grows its buffer for a path of more edges than it holds", () => {
    const steps = 20_000;
    const d = `M0 0${Array.from({ length: steps }, (_, k) => `L${k + 1} ${k % 2}`).join("")}Z`;
    const flat = flattenPath(d)!;
    expect(flat.length).toBe(4 * (steps + 1));
    expect([...flat.subarray(-4)]).toEqual([steps, (steps - 1) % 2, 0, 0]);
  });

  test("turns down what it is not made for", () => {
    for (const d of [
      "m0 0l1 0l0 1z", // relative commands
      "M0 0H1V1Z",
      "M0 0A1 1 0 0 1 2 2Z", // an arc
      "M0 0L1 0L1Z", // a number missing
      "M0 0L1 0L1 #1Z", // not a number
      "M0 0L1 0L1 1e999Z", // not finite
      "M0 0L1234567890123456 0Z", // more digits than a double holds exactly
      "0 0L1 0Z", // numbers before a command
    ]) {
      expect(flattenPath(d), d).toBeUndefined();
    }
  });

  test("gives no edges for an empty path", () => {
    expect(flattenPath("")!.length).toBe(0);
  });
});
