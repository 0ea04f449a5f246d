import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CARD_HEIGHT, CARD_WIDTH } from "../../src/lib/social-meta";
import { cardCacheKey, createCardRenderer } from "../../src/social-cards/cache";
import { cardTree, headlineFontSize, type CardNode } from "../../src/social-cards/design";
import { drawCard } from "../../src/social-cards/draw";
import { fontsDigest, loadCardFonts, type CardFont } from "../../src/social-cards/fonts";
import { CARD_WORKER_URL } from "../../src/social-cards/worker-url";
import { projectRoot } from "../support/build";

const root = pathToFileURL(`${projectRoot}/`);
const g20 = {
  headline: "Putin Goes From G-20 Pariah to Player at Obama Turkey Talk",
  siteName: "Broadsheet",
};

/** Every string of text in a card's tree, in order. */
function texts(node: CardNode): string[] {
  const { children } = node.props;
  if (typeof children === "string") return [children];
  return (children ?? []).flatMap(texts);
}

let fonts: CardFont[];
let cacheDir: string;
beforeAll(async () => {
  fonts = await loadCardFonts(root);
  cacheDir = await mkdtemp(join(tmpdir(), "broadsheet-cards-"));
});
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

describe("cardTree", () => {
  test("shows the site's name and then the headline", () => {
    expect(texts(cardTree(g20))).toEqual(["Broadsheet", g20.headline]);
  });

  test("sets long headlines smaller, so they fit", () => {
    expect(headlineFontSize("Markets Rally")).toBe(84);
    expect(headlineFontSize(g20.headline)).toBe(72);
    expect(headlineFontSize("x".repeat(100))).toBe(60);
    expect(headlineFontSize("x".repeat(300))).toBe(52);
  });
});

describe("loadCardFonts", () => {
  test("loads Source Serif 4 from the installed package, in the bold the card is set in", () => {
    expect(fonts.length).toBeGreaterThan(0);
    expect(new Set(fonts.map((font) => font.weight))).toEqual(new Set([700]));
    for (const font of fonts) expect(font.name).toMatch(/^Source Serif 4/);
  });
});

describe("cardCacheKey", () => {
  const key = (headline: string, withFonts = fonts, renderer = "satori@1") =>
    cardCacheKey(cardTree({ ...g20, headline }), fontsDigest(withFonts), renderer);

  test("is the same for the same inputs", () => {
    expect(key(g20.headline)).toBe(key(g20.headline));
  });

  test("changes with the headline, the fonts and the renderer's version", () => {
    const keys = new Set([
      key(g20.headline),
      key(`${g20.headline}!`),
      key(g20.headline, fonts.slice(1)),
      key(g20.headline, fonts, "satori@2"),
    ]);
    expect(keys.size).toBe(4);
  });
});

describe("createCardRenderer", () => {
  test("draws a 1200×630 PNG, then serves it from the cache until its inputs change", async () => {
    const render = createCardRenderer({ projectRoot: root, cacheDir });
    const first = await render(g20);
    expect(first.drawn).toBe(true);
    const metadata = await sharp(first.png).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual([
      "png",
      CARD_WIDTH,
      CARD_HEIGHT,
    ]);

    // A second build (a new renderer) over the same cache draws nothing.
    const again = await createCardRenderer({ projectRoot: root, cacheDir })(g20);
    expect(again.drawn).toBe(false);
    expect(again.png.equals(first.png)).toBe(true);

    const changed = await render({ ...g20, headline: `${g20.headline}, Updated` });
    expect(changed.drawn).toBe(true);
    expect(changed.png.equals(first.png)).toBe(false);
    expect((await readdir(cacheDir)).filter((name) => name.endsWith(".png"))).toHaveLength(2);
  });

  test("draws the headline's ink: dark where the text goes, blank below it", async () => {
    const { png } = await createCardRenderer({ projectRoot: root, cacheDir })(g20);
    expect(await darkest(png, { left: 72, top: 230, width: 1000, height: 250 })).toBeLessThan(64);
    expect(await darkest(png, { left: 72, top: 560, width: 1000, height: 50 })).toBeGreaterThan(
      200,
    );
  });

  test("keeps the design's colours exact: the accent bar, the paper, the rule's ink", async () => {
    const { png } = await createCardRenderer({ projectRoot: root, cacheDir })(g20);
    const pixels = await sharp(png).removeAlpha().raw().toBuffer();
    const colour = (x: number, y: number) =>
      pixels.subarray((y * CARD_WIDTH + x) * 3, (y * CARD_WIDTH + x) * 3 + 3).toString("hex");
    expect([colour(600, 8), colour(600, 40), colour(600, 142)]).toEqual([
      "0b55a8",
      "fbfaf6",
      "1a1a1a",
    ]);
  });

  test("draws Cyrillic and Greek headlines with the font's own glyphs", async () => {
    // Without the subset that has a script's letters, satori draws empty boxes instead.
    for (const [headline, subset] of [
      ["Путин и Обама", "cyrillic"],
      ["Πούτιν και Ομπάμα", "greek"],
    ] as const) {
      const tree = cardTree({ ...g20, headline });
      const withSubset = await drawCard(tree, fonts);
      const without = await drawCard(
        tree,
        fonts.filter((font) => !font.name.endsWith(` ${subset}`)),
      );
      expect(withSubset.equals(without)).toBe(false);
    }
  });
});

describe("drawing cards ahead of their requests", () => {
  test("prefetch draws each missing card once, and requests wait for it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "broadsheet-cards-"));
    const drawnHeadlines: string[] = [];
    const render = createCardRenderer({
      projectRoot: root,
      cacheDir: dir,
      draw: async (tree) => {
        drawnHeadlines.push(texts(tree).at(-1)!);
        return drawCard(tree, fonts);
      },
    });
    const other = { ...g20, headline: "Another Headline" };
    render.prefetch([g20, other, g20]);
    const [first, second] = await Promise.all([render(g20), render(other)]);
    expect(drawnHeadlines.sort()).toEqual([other.headline, g20.headline].sort());
    expect([first.drawn, second.drawn]).toEqual([false, false]);
    expect((await readdir(dir)).filter((name) => name.endsWith(".png"))).toHaveLength(2);
    await rm(dir, { recursive: true, force: true });
  });

  test("a worker thread draws the same PNG as the main thread", async () => {
    const pool = new Piscina({
      filename: CARD_WORKER_URL.href,
      maxThreads: 2,
    });
    try {
      const tree = cardTree(g20);
      const fromWorker = await pool.run({ tree, projectRoot: root.href });
      expect(Buffer.from(fromWorker).equals(await drawCard(tree, fonts))).toBe(true);
    } finally {
      await pool.destroy();
    }
  });
});

/** The darkest grey level (0 black … 255 white) inside a region of an image. */
async function darkest(
  png: Buffer,
  region: { left: number; top: number; width: number; height: number },
): Promise<number> {
  const pixels = await sharp(png).extract(region).greyscale().raw().toBuffer();
  return pixels.reduce((min, value) => Math.min(min, value), 255);
}
