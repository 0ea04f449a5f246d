import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { encodeIndexedPng } from "../../src/social-cards/indexed-png";

const options = { maxError: 16, zlibLevel: 6 };

/** An opaque image: a flat background, with a band blending from it to ink, as antialiasing does. */
function blendedImage(width: number, height: number): Uint8Array {
  const background = [0xfb, 0xfa, 0xf6];
  const ink = [0x1a, 0x1a, 0x1a];
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Every blend level 0–255 along the band's rows 10–12; background elsewhere.
      const level = y >= 10 && y < 13 ? x % 256 : 0;
      const at = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) {
        pixels[at + c] = Math.round(background[c]! + ((ink[c]! - background[c]!) * level) / 255);
      }
      pixels[at + 3] = 255;
    }
  }
  return pixels;
}

async function decode(png: Buffer): Promise<Uint8Array> {
  return new Uint8Array(await sharp(png).ensureAlpha().raw().toBuffer());
}

describe("encodeIndexedPng", () => {
  test("writes an 8-bit indexed PNG that decodes to within maxError of every pixel", async () => {
    const [width, height] = [300, 20];
    const pixels = blendedImage(width, height);
    const png = encodeIndexedPng(pixels, width, height, options)!;
    const metadata = await sharp(png).metadata();
    expect([metadata.format, metadata.width, metadata.height, metadata.isPalette]).toEqual([
      "png",
      width,
      height,
      true,
    ]);
    const decoded = await decode(png);
    let worst = 0;
    for (let at = 0; at < pixels.length; at += 4) {
      const distance = Math.hypot(
        decoded[at]! - pixels[at]!,
        decoded[at + 1]! - pixels[at + 1]!,
        decoded[at + 2]! - pixels[at + 2]!,
      );
      worst = Math.max(worst, distance);
    }
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(options.maxError);
  });

  test("keeps the most frequent colour, and both ends of a blend, exact", async () => {
    const [width, height] = [300, 20];
    const decoded = await decode(
      encodeIndexedPng(blendedImage(width, height), width, height, options)!,
    );
    const pixel = (x: number, y: number) => [
      ...decoded.subarray((y * width + x) * 4, (y * width + x) * 4 + 3),
    ];
    expect(pixel(0, 0)).toEqual([0xfb, 0xfa, 0xf6]);
    expect(pixel(255, 11)).toEqual([0x1a, 0x1a, 0x1a]);
  });

  test("is lossless when maxError is 0 and the image has at most 256 colours", async () => {
    const [width, height] = [256, 13];
    const pixels = blendedImage(width, height);
    const png = encodeIndexedPng(pixels, width, height, { ...options, maxError: 0 })!;
    expect(Buffer.from(await decode(png)).equals(Buffer.from(pixels))).toBe(true);
  });

  test("turns down what it is not made for: transparency, many colours, a wrong size", () => {
    const transparent = blendedImage(40, 20);
    transparent[3] = 128;
    expect(encodeIndexedPng(transparent, 40, 20, options)).toBeUndefined();

    // Random colours: first 2,000 of them (too many for a 256-colour palette
    // within maxError), then 10,000 (too many to count).
    let seed = 1;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    const noise = (count: number) =>
      new Uint8Array(count * 4).map((_, i) => (i % 4 === 3 ? 255 : random()));
    expect(encodeIndexedPng(noise(2000), 2000, 1, options)).toBeUndefined();
    expect(encodeIndexedPng(noise(10000), 100, 100, options)).toBeUndefined();

    expect(encodeIndexedPng(blendedImage(40, 20), 40, 21, options)).toBeUndefined();
  });

  test("writes the same bytes for the same pixels", () => {
    const pixels = blendedImage(300, 20);
    const first = encodeIndexedPng(pixels, 300, 20, options)!;
    expect(encodeIndexedPng(pixels, 300, 20, options)!.equals(first)).toBe(true);
  });
});
