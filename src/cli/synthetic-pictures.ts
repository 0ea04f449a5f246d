import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import sharp from "sharp";

/*
 * Pictures for synthetic articles (the bench's corpus with pictures) and for
 * the tests' fixtures: drawn, so nothing is fetched and nothing needs a licence.
 */

/**
 * Draws a picture as a camera's would compress: colour fields that shade
 * across it, with fine grain (a flat drawing would make every size and
 * format a few hundred bytes, and prove nothing about weight). The same
 * arguments draw the same bytes; `seed` draws another picture.
 */
export async function drawPicture(
  path: string,
  width: number,
  height: number,
  { seed = 1, format = "jpeg" }: { seed?: number; format?: "jpeg" | "png" | "webp" } = {},
): Promise<void> {
  const pixels = Buffer.alloc(width * height * 3);
  let state = seed * 2_654_435_761;
  const grain = () => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return (state / 0x7fffffff) * 40;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      pixels[at] = (x / width) * 180 + ((seed * 37) % 40) + grain();
      pixels[at + 1] = (y / height) * 170 + grain();
      pixels[at + 2] = 110 + Math.sin((x + seed * 13) / 37) * 60 + grain();
    }
  }
  await mkdir(dirname(path), { recursive: true });
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .blur(0.8)
    .toFormat(format, { quality: 85 })
    .toFile(path);
}
