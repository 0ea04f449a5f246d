import { describe, expect, test } from "vitest";
import { accumulate } from "../../src/social-cards/paint/coverage";

/** Each pixel's coverage of a polygon in a `width` × `height` box, by the running sum of its cells. */
function coverage(polygon: [number, number][], width: number, height: number): number[][] {
  const cells = width + 2;
  const area = new Float32Array(cells * height);
  polygon.forEach(([x0, y0], i) => {
    const [x1, y1] = polygon[(i + 1) % polygon.length]!;
    accumulate(area, cells, x0, y0, x1, y1, height);
  });
  return Array.from({ length: height }, (_, row) => {
    let sum = 0;
    return Array.from({ length: width }, (_, x) => Math.abs((sum += area[row * cells + x]!)));
  });
}

const round = (rows: number[][]) =>
  rows.map((row) => row.map((cover) => Math.round(cover * 1000) / 1000));

describe("accumulate", () => {
  test("covers the pixels inside a square fully, half where an edge halves them, none outside", () => {
    expect(
      round(
        coverage(
          [
            [1, 1],
            [3.5, 1],
            [3.5, 3],
            [1, 3],
          ],
          5,
          4,
        ),
      ),
    ).toEqual([
      [0, 0, 0, 0, 0],
      [0, 1, 1, 0.5, 0],
      [0, 1, 1, 0.5, 0],
      [0, 0, 0, 0, 0],
    ]);
  });

  test("gives a triangle's exact area, whichever way round it is drawn", () => {
    const triangle: [number, number][] = [
      [0.5, 0.25],
      [7.25, 1.5],
      [2, 6.75],
    ];
    // The shoelace formula.
    const exact =
      Math.abs(
        triangle.reduce((sum, [x0, y0], i) => {
          const [x1, y1] = triangle[(i + 1) % 3]!;
          return sum + x0 * y1 - x1 * y0;
        }, 0),
      ) / 2;
    for (const polygon of [triangle, [...triangle].reverse()]) {
      const rows = coverage(polygon, 8, 7);
      const total = rows.flat().reduce((sum, cover) => sum + cover, 0);
      expect(total).toBeCloseTo(exact, 4);
      for (const cover of rows.flat()) expect(cover).toBeLessThanOrEqual(1 + 1e-6);
    }
  });

  test("adds nothing for a horizontal edge, and nothing outside rows 0 to `rows`", () => {
    const area = new Float32Array(4 * 3);
    accumulate(area, 4, 0, 1, 2, 1, 3);
    accumulate(area, 4, 1, -2, 1, 0, 3);
    accumulate(area, 4, 1, 3, 1, 5, 3);
    expect([...area]).toEqual(new Array(12).fill(0));
  });
});
