import { createHash } from "node:crypto";
import { access, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { cardTree, type CardNode, type CardText } from "./design.ts";
import { drawCard, PNG_ENCODING, rendererVersions } from "./draw.ts";
import { fontsDigest, loadCardFonts, type CardFont } from "./fonts.ts";

/**
 * The card's cache key: a hash of everything that decides its bytes (the
 * element tree, so the text and the layout; the fonts, by their digest; the
 * renderers' versions; the PNG settings). A rebuild renders only the cards
 * whose key is new.
 */
export function cardCacheKey(tree: CardNode, fonts: string, renderer: string): string {
  return createHash("sha256")
    .update(JSON.stringify({ tree, fonts, renderer, png: PNG_ENCODING }))
    .digest("hex");
}

/** Draws a card's PNG from its element tree: in this thread, or in a pool of workers. */
type CardDrawer = (tree: CardNode) => Promise<Uint8Array>;

/** Where the cards are drawn from and kept. */
export interface CardRenderer {
  projectRoot: URL;
  /** The folder of cached cards; one PNG a cache key. */
  cacheDir: string;
  /** How cards are drawn; by default in this thread. */
  draw?: CardDrawer;
}

/** What rendering one card did. */
interface RenderedCard {
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
