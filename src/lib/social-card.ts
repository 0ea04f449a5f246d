import { createHash } from "node:crypto";
import { access, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import satori, { type SatoriOptions } from "satori";
import sharp from "sharp";

/** The size Open Graph and Twitter show a large card at. */
export const CARD_WIDTH = 1200;
/** The card's height: 1200 × 630 is the 1.91:1 of a link preview. */
export const CARD_HEIGHT = 630;

/** What a card shows. */
export interface CardText {
  /** The article's headline, or the site's description on the site's own card. */
  headline: string;
  /** The site's name, shown above the headline. */
  siteName: string;
}

/** An element of the card, in the shape satori reads (React's, without React). */
export interface CardNode {
  type: string;
  props: { style: Record<string, string | number>; children?: string | CardNode[] };
}

/** The family the card is set in: Source Serif 4, from its `@fontsource` package. */
export const CARD_FONT_FAMILY = "Source Serif 4";

/** The subsets loaded, in the order satori falls back through them for a missing glyph. */
const fontSubsets = ["latin", "latin-ext", "cyrillic", "greek", "vietnamese"] as const;
const fontWeights = [400, 700] as const;

/** A font file as satori takes it. */
export type CardFont = SatoriOptions["fonts"][number];

/** Loads the card's fonts from the installed `@fontsource/source-serif-4`: nothing is fetched. */
export async function loadCardFonts(projectRoot: URL): Promise<CardFont[]> {
  const require = createRequire(new URL("package.json", projectRoot));
  const fonts: CardFont[] = [];
  for (const subset of fontSubsets) {
    for (const weight of fontWeights) {
      const file = require.resolve(
        `@fontsource/source-serif-4/files/source-serif-4-${subset}-${weight}-normal.woff`,
      );
      const name = `${CARD_FONT_FAMILY} ${subset}`;
      fonts.push({ name, data: await readFile(file), weight, style: "normal" });
    }
  }
  return fonts;
}

/** The headline's size: as large as the card allows for its length, so that it fits in five lines. */
export function headlineFontSize(headline: string): number {
  const length = [...headline].length;
  if (length <= 40) return 84;
  if (length <= 70) return 72;
  if (length <= 110) return 60;
  return 52;
}

/** The card as a tree of elements: the site's name over a rule, the headline below. */
export function cardTree({ headline, siteName }: CardText): CardNode {
  const ink = "#1a1a1a";
  const accent = "#0b55a8";
  return {
    type: "div",
    props: {
      style: {
        display: "flex",
        flexDirection: "column",
        boxSizing: "border-box",
        width: "100%",
        height: "100%",
        padding: "56px 72px 64px 72px",
        backgroundColor: "#fbfaf6",
        borderTop: `16px solid ${accent}`,
        color: ink,
        fontFamily: fontSubsets.map((subset) => `"${CARD_FONT_FAMILY} ${subset}"`).join(", "),
      },
      children: [
        {
          type: "div",
          props: {
            style: { fontSize: 36, fontWeight: 700, color: accent, letterSpacing: 1 },
            children: siteName,
          },
        },
        { type: "div", props: { style: { height: 3, marginTop: 20, backgroundColor: ink } } },
        {
          type: "div",
          props: {
            style: { display: "flex", flexGrow: 1, alignItems: "center" },
            children: [
              {
                type: "div",
                props: {
                  style: {
                    fontSize: headlineFontSize(headline),
                    fontWeight: 700,
                    lineHeight: 1.15,
                    lineClamp: 5,
                  },
                  children: headline,
                },
              },
            ],
          },
        },
      ],
    },
  };
}

/** How the SVG becomes a PNG; part of the cache key, as it changes the bytes. */
const pngOptions = { compressionLevel: 9, palette: true, quality: 90, effort: 10 } as const;

/** The renderers' versions, read from the installed packages; part of the cache key. */
function rendererVersions(projectRoot: URL): string {
  const require = createRequire(new URL("package.json", projectRoot));
  const satoriVersion = (require("satori/package.json") as { version: string }).version;
  return `satori@${satoriVersion} sharp@${sharp.versions.sharp} vips@${sharp.versions.vips}`;
}

/** A digest of the fonts' names and bytes, computed once a build rather than once a card. */
export function fontsDigest(fonts: readonly CardFont[]): string {
  const hash = createHash("sha256");
  for (const font of fonts) {
    hash.update(`${font.name} ${font.weight} ${font.style}`);
    hash.update(new Uint8Array(font.data as ArrayBufferLike));
  }
  return hash.digest("hex");
}

/**
 * The card's cache key: a hash of everything that decides its bytes (the
 * element tree, so the text and the layout; the fonts, by their digest; the
 * renderers' versions; the PNG settings). A rebuild renders only the cards
 * whose key is new.
 */
export function cardCacheKey(tree: CardNode, fonts: string, renderer: string): string {
  return createHash("sha256")
    .update(JSON.stringify({ tree, fonts, renderer, pngOptions }))
    .digest("hex");
}

/** Draws a card: satori lays the text out as SVG paths, sharp rasterises them to PNG. */
export async function drawCard(tree: CardNode, fonts: CardFont[]): Promise<Buffer> {
  const svg = await satori(tree, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
  return sharp(Buffer.from(svg)).png(pngOptions).toBuffer();
}

/** Draws a card's PNG from its element tree: in this thread, or in a pool of workers. */
export type CardDrawer = (tree: CardNode) => Promise<Uint8Array>;

/** Where the cards are drawn from and kept. */
export interface CardRenderer {
  projectRoot: URL;
  /** The folder of cached cards; one PNG a cache key. */
  cacheDir: string;
  /** How cards are drawn; by default in this thread. */
  draw?: CardDrawer;
}

/** What rendering one card did. */
export interface RenderedCard {
  png: Buffer;
  /** False when the card came from the cache (or another caller drew it). */
  drawn: boolean;
}

/** Renders a card, and can start drawing many ahead of the requests for them. */
export interface RenderCard {
  (text: CardText): Promise<RenderedCard>;
  /** Starts drawing every missing card among `texts`, without waiting: a build calls it once so the cards are drawn in parallel while pages render. */
  prefetch(texts: readonly CardText[]): void;
}

/**
 * Makes a renderer that loads the fonts once and draws each card only when
 * its cache has none, never twice at once.
 */
export function createCardRenderer({ projectRoot, cacheDir, draw }: CardRenderer): RenderCard {
  let setup: Promise<{ fonts: CardFont[]; digest: string; renderer: string }> | undefined;
  const loadSetup = () =>
    (setup ??= loadCardFonts(projectRoot).then((fonts) => ({
      fonts,
      digest: fontsDigest(fonts),
      renderer: rendererVersions(projectRoot),
    })));
  const drawer: CardDrawer = draw ?? (async (tree) => drawCard(tree, (await loadSetup()).fonts));
  // Cards being looked up or drawn, by cache file. The entry is made before
  // the first await, so two requests for one card never both draw it.
  const drawing = new Map<string, Promise<boolean>>();

  /** Makes sure the card's file is in the cache; says whether this call drew it. */
  async function ensure(text: CardText): Promise<{ file: string; drawn: boolean }> {
    const { digest, renderer } = await loadSetup();
    const tree = cardTree(text);
    const file = join(cacheDir, `${cardCacheKey(tree, digest, renderer)}.png`);
    const pending = drawing.get(file);
    if (pending) {
      await pending;
      return { file, drawn: false };
    }
    const job = (async () => {
      if (await exists(file)) return false;
      await writeAtomically(file, await drawer(tree));
      return true;
    })().finally(() => drawing.delete(file));
    drawing.set(file, job);
    return { file, drawn: await job };
  }

  const renderCard = async (text: CardText): Promise<RenderedCard> => {
    const { file, drawn } = await ensure(text);
    return { png: await readFile(file), drawn };
  };
  return Object.assign(renderCard, {
    prefetch(texts: readonly CardText[]) {
      // A failure here is not lost: the card's own request draws it again and reports it.
      for (const text of texts) ensure(text).catch(() => undefined);
    },
  });
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** Writes then renames, so a build running beside this one never reads half a file. */
async function writeAtomically(file: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  await writeFile(partial, data);
  await rename(partial, file);
}
