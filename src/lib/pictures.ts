import { CARD_WIDTH } from "./social-meta.ts";

/*
 * What every picture of an article shares, wherever it is shown: the files
 * it may be made from, the sizes it is made in, and how a caption and a
 * credit are written in Markdown.
 */

/** The picture formats an article may use: those Astro's image service (sharp) turns into others. */
export const PICTURE_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif", "gif", "tiff"] as const;

/** Whether a path names a file in one of `PICTURE_EXTENSIONS`. */
export function isPictureFile(path: string): boolean {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return (PICTURE_EXTENSIONS as readonly string[]).includes(extension ?? "");
}

/** Whether a picture's path points off the site (`https://…`, `//host/…`, `data:`): such pictures are refused. */
export function isRemotePicture(path: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(path);
}

/**
 * The widths a picture in the text column is made in. The column is at most
 * 40rem (640 CSS px); 1280 serves it on a 2x screen, 480 a phone at 1x.
 */
export const COLUMN_WIDTHS = [480, 800, 1280] as const;

/** The `sizes` of a picture in the text column: the column's width, less the page's margins on a phone. */
export const COLUMN_SIZES = "(min-width: 42rem) 40rem, calc(100vw - 2rem)";

/**
 * The format of a picture's fallback, for browsers that take none of the
 * modern formats: as Astro's `<Picture>` picks it, a JPEG or a GIF stays
 * one, and anything else becomes a PNG.
 */
export function fallbackFormat(path: string): "jpg" | "gif" | "png" {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (extension === "jpg" || extension === "jpeg") return "jpg";
  return extension === "gif" ? "gif" : "png";
}

/**
 * The attribute by which Astro knows a picture of a Markdown body until it
 * renders the body: its options for getImage, as JSON.
 */
export const PICTURE_PLACEHOLDER = "__ASTRO_IMAGE_";

/**
 * A rendered body with its figures' `<source>` elements made valid HTML.
 * Astro resolves a Markdown picture's placeholder into an `<img>`'s
 * attributes wherever it stands, so the `<source>` that rehype-figures gives
 * a placeholder also gets `src`, `loading` and `decoding`, which a `<source>`
 * in a `<picture>` may not have. (Astro escapes `>` in attribute values, so
 * a tag ends at its first `>`.)
 */
export function withValidPictureSources(html: string): string {
  return html.replace(SOURCE_TAG, (tag) => tag.replace(IMG_ONLY_ATTRIBUTES, ""));
}

const SOURCE_TAG = /<source\b[^>]*>/g;
const IMG_ONLY_ATTRIBUTES = /\s(?:src|loading|decoding)="[^"]*"/g;

/**
 * A stored body (Astro's placeholders unresolved) with each figure reduced
 * to its fallback `<img>` at one size, for a place that shows one picture
 * per figure, such as a feed: Astro then makes, or takes from its cache,
 * one file per figure rather than one per format and width, and that file is
 * the page's own `<img src>` (its name hashes neither `widths` nor `sizes`).
 */
export function withOnePicturePerFigure(html: string): string {
  return html
    .replace(SOURCE_PLACEHOLDER, "")
    .replace(PLACEHOLDER_ATTRIBUTE, (_, escaped: string) => {
      const options = JSON.parse(unescapeAttribute(escaped)) as Record<string, unknown>;
      delete options["widths"];
      delete options["sizes"];
      return `${PICTURE_PLACEHOLDER}="${escapeAttribute(JSON.stringify(options))}"`;
    });
}

const PLACEHOLDER_ATTRIBUTE = new RegExp(`${PICTURE_PLACEHOLDER}="([^"]+)"`, "g");
const SOURCE_PLACEHOLDER = new RegExp(`<source\\b[^>]*${PICTURE_PLACEHOLDER}="[^"]*"[^>]*>`, "g");

/** An attribute's value as HTML wrote it (rehype-stringify: `&#x22;`, `&#x26;`, or named). */
function unescapeAttribute(value: string): string {
  return value
    .replace(/&(?:#x22|quot);/g, '"')
    .replace(/&(?:#x27|apos);/g, "'")
    .replace(/&(?:amp|#x26|#38);/g, "&");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&#x26;").replace(/"/g, "&#x22;");
}

/**
 * The crops Google asks an article's structured data to offer (16:9, 4:3
 * and 1:1), each at the largest size the picture holds.
 */
export const STRUCTURED_DATA_RATIOS = [
  [16, 9],
  [4, 3],
  [1, 1],
] as const;

/**
 * The width of a lead picture's crops (the link preview and Google's): the
 * social card's, which is also the least Google asks for.
 */
export const CROP_WIDTH = CARD_WIDTH;

/** The largest `[width, height]` of ratio `w:h` inside a picture of `width` × `height`. */
export function largestCrop(
  width: number,
  height: number,
  [w, h]: readonly [number, number],
): [number, number] {
  const byWidth = Math.floor((width * h) / w);
  return byWidth <= height ? [width, byWidth] : [Math.floor((height * w) / h), height];
}

/** The part of a picture a crop keeps: CSS words, as `image.focus` takes them. */
export const FOCUS_POSITIONS = [
  "center",
  "top",
  "bottom",
  "left",
  "right",
  "top left",
  "top right",
  "bottom left",
  "bottom right",
] as const;

export type FocusPosition = (typeof FOCUS_POSITIONS)[number];

/** A focus as sharp's crop `position` takes it ("top left" → "left top"). */
export function cropPosition(focus: FocusPosition): string {
  const [first = "center", second] = focus.split(" ");
  return second ? `${second} ${first}` : first;
}

/** The alternative text that says a picture in the body is decoration: `![decorative](./rule.png)`. */
export const DECORATIVE_ALT = "decorative";

/**
 * A figure's caption and credit from a Markdown image's title, written
 * `"Caption | Credit"`: the credit follows the last " | ". Either may be
 * missing; a title without " | " is all caption.
 */
export function captionAndCredit(title: string | undefined): { caption?: string; credit?: string } {
  // Padded, so a title that is all credit (" | Jane Doe") still has its bar.
  const text = ` ${title ?? ""} `;
  const bar = text.lastIndexOf(" | ");
  const [caption, credit] =
    bar < 0 ? [text.trim(), ""] : [text.slice(0, bar).trim(), text.slice(bar + 3).trim()];
  return { ...(caption && { caption }), ...(credit && { credit }) };
}

/**
 * The crops of a lead picture that the listings show, each a file beside the
 * article's page that its own build makes (src/pages/articles/[date]/[slug]/[crop].webp.ts),
 * so a listing names it without bundling the picture: a small one beside
 * each headline of a list, a larger one for the front page's lead story.
 * Each is twice the CSS pixels it is shown at, for 2× screens.
 */
export const LISTING_CROPS = {
  thumbnail: { width: 240, height: 160, shownWidth: 120 },
  teaser: { width: 1200, height: 675, shownWidth: 600 },
} as const;

export type ListingCrop = keyof typeof LISTING_CROPS;
