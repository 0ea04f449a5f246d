import { describe, expect, test } from "vitest";
import { Canvas } from "../../src/social-cards/paint/canvas";

describe("Canvas", () => {
  test("starts as PNG scanlines of filter byte 0 and palette index 0, with no palette", () => {
    const canvas = new Canvas(3, 2, 16);
    expect([...canvas.rows]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(canvas.palette).toEqual([]);
  });

  test("fills a rectangle clipped to the image, one palette entry a colour", () => {
    const canvas = new Canvas(3, 2, 16);
    expect(canvas.fillRect(0, 0, 3, 2, 0xfbfaf6)).toBe(true);
    expect(canvas.fillRect(2, -1, 5, 2, 0x0b55a8)).toBe(true);
    expect(canvas.fillRect(0, 1, 1, 1, 0xfbfaf6)).toBe(true);
    expect(canvas.palette).toEqual([0xfbfaf6, 0x0b55a8]);
    expect([...canvas.rows]).toEqual([0, 0, 0, 1, 0, 0, 0, 0]);
  });

  test("gives up past 256 colours", () => {
    const canvas = new Canvas(1, 1, 16);
    for (let colour = 0; colour < 256; colour++) {
      expect(canvas.fillRect(0, 0, 1, 1, colour)).toBe(true);
    }
    expect(canvas.fillRect(0, 0, 1, 1, 0x123456)).toBe(false);
    expect(canvas.fillRect(0, 0, 1, 1, 7)).toBe(true); // a colour it holds already
  });

  test("blends a path's edge pixels within maxError, adding each blend to the palette once", () => {
    const canvas = new Canvas(4, 2, 16);
    canvas.fillRect(0, 0, 4, 2, 0xffffff);
    expect(canvas.fillPath("M0 0L2.5 0L2.5 2L0 2Z", 0x000000)).toBe(true);
    const stride = 5;
    const colour = (x: number, y: number) => canvas.palette[canvas.rows[y * stride + 1 + x]!]!;
    expect([0, 1].map((x) => colour(x, 0))).toEqual([0x000000, 0x000000]);
    expect(colour(3, 0)).toBe(0xffffff);
    expect(colour(2, 0)).toBe(colour(2, 1));
    expect(Math.abs((colour(2, 0) & 0xff) - 127.5)).toBeLessThanOrEqual(16 / Math.sqrt(3) + 0.5);
    expect(canvas.palette).toHaveLength(3);
  });

  test("turns down a path it cannot read, and paints nothing for one off the image", () => {
    const canvas = new Canvas(4, 4, 16);
    canvas.fillRect(0, 0, 4, 4, 0xffffff);
    expect(canvas.fillPath("M0 0A1 1 0 0 1 2 2Z", 0)).toBe(false);
    expect(canvas.fillPath("M10 10L12 10L12 12Z", 0)).toBe(true);
    expect(canvas.fillPath("", 0)).toBe(true);
    expect(canvas.palette).toEqual([0xffffff]);
  });
});
