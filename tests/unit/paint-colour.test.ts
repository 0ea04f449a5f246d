import { describe, expect, test } from "vitest";
import { distance, mix, parseColour } from "../../src/social-cards/paint/colour";

describe("parseColour", () => {
  test("reads #rrggbb and #rgb, in either case, as 0xRRGGBB", () => {
    expect(parseColour("#0b55a8")).toBe(0x0b55a8);
    expect(parseColour("#FBFAF6")).toBe(0xfbfaf6);
    expect(parseColour("#fff")).toBe(0xffffff);
    expect(parseColour("#0A8")).toBe(0x00aa88);
  });

  test("turns down every other notation", () => {
    for (const text of ["red", "url(#gradient)", "#ffff", "#12345g", "fff", "rgb(0,0,0)", ""]) {
      expect(parseColour(text), text).toBeUndefined();
    }
  });
});

describe("distance", () => {
  test("is the Euclidean distance between the channels", () => {
    expect(distance(0x000000, 0x000000)).toBe(0);
    expect(distance(0x000000, 0x030400)).toBe(5);
    expect(distance(0xffffff, 0x000000)).toBeCloseTo(255 * Math.sqrt(3), 10);
    expect(distance(0x0b55a8, 0xfbfaf6)).toBe(distance(0xfbfaf6, 0x0b55a8));
  });
});

describe("mix", () => {
  test("blends each channel and rounds it to 8 bits", () => {
    expect(mix(0xffffff, 0x000000, 0.5)).toBe(0x808080);
    expect(mix(0x000000, 0xff0000, 0.25)).toBe(0x400000);
    expect(mix(0x102030, 0x506070, 0.5)).toBe(0x304050);
  });

  test("gives what was below at alpha 0 and the fill at alpha 1", () => {
    expect(mix(0xfbfaf6, 0x0b55a8, 0)).toBe(0xfbfaf6);
    expect(mix(0xfbfaf6, 0x0b55a8, 1)).toBe(0x0b55a8);
  });
});
