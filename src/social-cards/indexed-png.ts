/*
 * A PNG encoder for images of few colours, such as a social card: flat
 * colours, and the antialiased edges between them. Pure, bar Node's zlib.
 */
import { endianness } from "node:os";
import { crc32, deflateSync, type ZlibOptions } from "node:zlib";

/** How close the palette keeps each colour, and how hard zlib works. */
export interface IndexedPngOptions {
  /** The furthest a colour may move to its palette entry: Euclidean distance, in 0–255 RGB levels. */
  maxError: number;
  /** zlib's level, 0–9. Past 6, Node's zlib gets slow on a card's long runs for little gain. */
  zlibLevel: number;
}

/**
 * Writes opaque RGBA pixels as an 8-bit indexed PNG, without dithering.
 *
 * The palette is picked farthest point first: the most frequent colour, then
 * each time the colour farthest from those picked so far, until none is more
 * than `maxError` from its nearest entry. So flat areas keep their exact
 * colour, and an antialiased edge's colour moves by at most `maxError`.
 *
 * Returns undefined for pixels it is not made for (any transparency, more
 * than 4,096 colours, or more than 256 needed in the palette), for the caller
 * to encode another way.
 */
export function encodeIndexedPng(
  rgba: Uint8Array,
  width: number,
  height: number,
  { maxError, zlibLevel }: IndexedPngOptions,
): Buffer | undefined {
  const count = width * height;
  if (rgba.length !== count * 4 || endianness() !== "LE") return undefined;
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  // Int32, not Uint32: an opaque pixel (alpha in the top byte) is then a
  // negative small integer to V8, not a slow heap number.
  const pixels = new Int32Array(aligned.buffer, aligned.byteOffset, count);

  // The runs of one colour (a card has about 20,000); each colour, keyed as
  // 0xBBGGRR, gets a number and a count of its pixels.
  const numbers = new Map<number, number>();
  const colours: number[] = [];
  const frequency: number[] = [];
  const runColours: number[] = [];
  const runLengths: number[] = [];
  let pixel = pixels[0]!;
  for (let start = 0, i = 1; i <= count; i++) {
    const next = i < count ? pixels[i]! : ~pixel;
    if (next === pixel) continue;
    if (pixel >>> 24 !== 0xff) return undefined;
    const colour = pixel & 0xffffff;
    let number = numbers.get(colour);
    if (number === undefined) {
      if (colours.length === 4096) return undefined;
      number = colours.push(colour) - 1;
      frequency.push(0);
      numbers.set(colour, number);
    }
    frequency[number]! += i - start;
    runColours.push(number);
    runLengths.push(i - start);
    pixel = next;
    start = i;
  }

  // The palette, and each colour's entry in it.
  const distance = new Float64Array(colours.length).fill(Infinity);
  const entry = new Uint8Array(colours.length);
  const palette: number[] = [];
  for (let next = frequency.indexOf(Math.max(...frequency)); next >= 0;) {
    if (palette.length === 256) return undefined;
    const picked = colours[next]!;
    const index = palette.push(picked) - 1;
    next = -1;
    let farthest = maxError * maxError;
    for (let j = 0; j < colours.length; j++) {
      const colour = colours[j]!;
      const r = (colour & 0xff) - (picked & 0xff);
      const g = ((colour >>> 8) & 0xff) - ((picked >>> 8) & 0xff);
      const b = (colour >>> 16) - (picked >>> 16);
      const d = r * r + g * g + b * b;
      if (d < distance[j]!) {
        distance[j] = d;
        entry[j] = index;
      }
      if (distance[j]! > farthest) {
        farthest = distance[j]!;
        next = j;
      }
    }
  }

  // The scanlines: each a filter byte (0, none), then a palette index a pixel.
  // A Uint8Array, not a Buffer, whose own fill() is slow for short runs.
  const rows = new Uint8Array((width + 1) * height);
  for (let run = 0, o = 0, x = width; run < runColours.length; run++) {
    const index = entry[runColours[run]!]!;
    for (let left = runLengths[run]!; left > 0;) {
      if (x === width) {
        rows[o++] = 0;
        x = 0;
      }
      const take = Math.min(left, width - x);
      rows.fill(index, o, o + take);
      o += take;
      x += take;
      left -= take;
    }
  }

  // The palette as 0xRRGGBB: its colours were keyed as 0xBBGGRR.
  const rgb = palette.map((c) => ((c & 0xff) << 16) | (c & 0xff00) | (c >>> 16));
  return writeIndexedPng(rows, width, height, rgb, { level: zlibLevel });
}

/**
 * Writes an 8-bit indexed PNG: `rows` are its scanlines, each a filter byte
 * then a palette index a pixel; `palette` its colours, each 0xRRGGBB;
 * `zlib` how Node's zlib deflates the scanlines.
 */
export function writeIndexedPng(
  rows: Uint8Array,
  width: number,
  height: number,
  palette: readonly number[],
  zlib: Pick<ZlibOptions, "level" | "strategy">,
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits a pixel
  header[9] = 3; // colour type: indexed
  const plte = new Uint8Array(palette.length * 3);
  palette.forEach((colour, k) =>
    plte.set([colour >>> 16, (colour >>> 8) & 0xff, colour & 0xff], 3 * k),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("PLTE", plte),
    pngChunk("IDAT", deflateSync(rows, zlib)),
    pngChunk("IEND", new Uint8Array(0)),
  ]);
}

/** A PNG chunk: the data's length, the type, the data, and the CRC of type and data. */
function pngChunk(type: string, data: Uint8Array): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, "latin1");
  chunk.set(data, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}
