import { pathToFileURL } from "node:url";
import satori from "satori";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { CARD_HEIGHT, CARD_WIDTH } from "../../src/lib/social-meta";
import { cardTree } from "../../src/social-cards/design";
import { loadCardFonts } from "../../src/social-cards/fonts";
import { writeIndexedPng } from "../../src/social-cards/indexed-png";
import { paintSvg, type IndexedImage } from "../../src/social-cards/paint";
import { projectRoot } from "../support/build";

const options = { maxError: 16 };
const svg = (width: number, height: number, body: string) =>
  `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;

/** The colour of each pixel of a painted image, as 0xRRGGBB. */
function colours({ rows, palette }: IndexedImage, width: number): number[][] {
  const out: number[][] = [];
  for (let at = 0; at < rows.length; at += width + 1) {
    expect(rows[at]).toBe(0); // the filter byte
    out.push([...rows.subarray(at + 1, at + 1 + width)].map((index) => palette[index]!));
  }
  return out;
}

describe("paintSvg", () => {
  test("fills rectangles with their exact colours, later ones over earlier ones", () => {
    const image = paintSvg(
      svg(
        4,
        3,
        '<rect x="0" y="0" width="4" height="3" fill="#fbfaf6"/><rect x="1" y="1" width="2" height="5" fill="#0b55a8"/>',
      ),
      4,
      3,
      options,
    )!;
    expect(colours(image, 4)).toEqual([
      [0xfbfaf6, 0xfbfaf6, 0xfbfaf6, 0xfbfaf6],
      [0xfbfaf6, 0x0b55a8, 0x0b55a8, 0xfbfaf6],
      [0xfbfaf6, 0x0b55a8, 0x0b55a8, 0xfbfaf6],
    ]);
  });

  test("covers a path's pixels by area: full inside, half on a half-pixel edge, none outside", () => {
    // White paper, a black square from (1, 1) to (3.5, 3): the column x = 3 is half covered.
    const image = paintSvg(
      svg(
        5,
        4,
        '<rect x="0" y="0" width="5" height="4" fill="#fff"/><g><path fill="#000" d="M1 1L3.5 1L3.5 3L1 3Z"/></g>',
      ),
      5,
      4,
      options,
    )!;
    const grey = colours(image, 5).map((row) => row.map((colour) => colour & 0xff));
    expect(grey[0]).toEqual([255, 255, 255, 255, 255]);
    expect(grey[1]).toEqual(grey[2]);
    expect(grey[3]).toEqual([255, 255, 255, 255, 255]);
    const [outside, inside, inside2, half, outside2] = grey[1]!;
    expect([outside, inside, inside2, outside2]).toEqual([255, 0, 0, 255]);
    // Within maxError of 50% grey: 128 ± 16 / √3 on each channel.
    expect(Math.abs(half! - 127.5)).toBeLessThanOrEqual(16 / Math.sqrt(3) + 0.5);
  });

  test("fills curves and holes: a ring of quadratic curves is empty at its centre", () => {
    const ring = (r: number, sweep: 1 | -1) => {
      const [cx, cy] = [20, 20];
      return `M${cx + r} ${cy}Q${cx + r} ${cy + sweep * r} ${cx} ${cy + sweep * r}Q${cx - r} ${cy + sweep * r} ${cx - r} ${cy}Q${cx - r} ${cy - sweep * r} ${cx} ${cy - sweep * r}Q${cx + r} ${cy - sweep * r} ${cx + r} ${cy}Z`;
    };
    const image = paintSvg(
      svg(
        40,
        40,
        `<rect x="0" y="0" width="40" height="40" fill="#ffffff"/><g><path fill="#000000" d="${ring(15, 1)}${ring(8, -1)}"/></g>`,
      ),
      40,
      40,
      options,
    )!;
    const grey = colours(image, 40).map((row) => row.map((colour) => colour & 0xff));
    expect(grey[20]![20]).toBe(255); // the hole
    expect(grey[20]![8]).toBe(0); // the ring, left of the hole
    expect(grey[20]![38]).toBe(255); // outside
  });

  test("turns down what it is not made for", () => {
    const paper = '<rect x="0" y="0" width="4" height="4" fill="#fff"/>';
    for (const body of [
      `${paper}<circle cx="2" cy="2" r="1" fill="#000"/>`,
      `${paper}<g transform="scale(2)"><path fill="#000" d="M0 0L1 0L1 1Z"/></g>`,
      `${paper}<g><path fill="#000" d="m0 0l1 0l0 1z"/></g>`, // relative commands
      `${paper}<g><path fill="#000" d="M0 0A1 1 0 0 1 2 2Z"/></g>`, // an arc
      `${paper}<g><path fill="#000" d="M0 0L1 0L1Z"/></g>`, // a number missing
      `${paper}<g><path fill="#000" d="M0 0L1 0L1 #1Z"/></g>`, // not a number
      `${paper}<g><path fill="#000" mask="url(#m)" d="M0 0L1 0L1 1Z"/></g>`,
      `${paper}<g><path fill="url(#gradient)" d="M0 0L1 0L1 1Z"/></g>`,
      '<rect x="0.5" y="0" width="4" height="4" fill="#fff"/>',
    ]) {
      expect(paintSvg(svg(4, 4, body), 4, 4, options), body).toBeUndefined();
    }
    expect(paintSvg(svg(5, 4, paper), 4, 4, options)).toBeUndefined();
    // Numbers as SVG allows them: commas, signs, exponents, no leading digit.
    const square = (d: string) =>
      colours(
        paintSvg(svg(4, 4, `${paper}<g><path fill="#000" d="${d}"/></g>`), 4, 4, options)!,
        4,
      );
    expect(square("M1,1 L3,1 L3,3 L1,3 Z")).toEqual(square("M1 1L3 1L3 3L1 3Z"));
    expect(square("M.1e1 +1L3.0 1L30e-1 3L1 3Z")).toEqual(square("M1 1L3 1L3 3L1 3Z"));
  });

  test("paints a card as librsvg (sharp) rasterises it, within maxError but at a few edge pixels", async () => {
    const fonts = await loadCardFonts(pathToFileURL(`${projectRoot}/`));
    const cardSvg = await satori(
      cardTree({
        headline: "Café Owners in Łódź Fight a Plan to Ban Terraces on the Riverbank",
        siteName: "Broadsheet",
      }),
      { width: CARD_WIDTH, height: CARD_HEIGHT, fonts },
    );
    const image = paintSvg(cardSvg, CARD_WIDTH, CARD_HEIGHT, options)!;
    expect(image).toBeDefined();
    const png = writeIndexedPng(image.rows, CARD_WIDTH, CARD_HEIGHT, image.palette, { level: 6 });
    const painted = await sharp(png).removeAlpha().raw().toBuffer();
    const rasterised = await sharp(Buffer.from(cardSvg)).removeAlpha().raw().toBuffer();
    let [sum, far] = [0, 0];
    for (let at = 0; at < painted.length; at += 3) {
      const d = Math.hypot(
        painted[at]! - rasterised[at]!,
        painted[at + 1]! - rasterised[at + 1]!,
        painted[at + 2]! - rasterised[at + 2]!,
      );
      sum += d;
      if (d > 2 * options.maxError) far++;
    }
    const pixels = CARD_WIDTH * CARD_HEIGHT;
    // Differences are only where the two rasterisers sample an edge a little
    // differently: on average well under a level a pixel, and past twice
    // maxError at fewer than one pixel in a thousand.
    expect(sum / pixels).toBeLessThan(0.5);
    expect(far / pixels).toBeLessThan(0.001);
  });
});
