import type { ImageMetadata } from "astro";
import { getImage } from "astro:assets";
import type { PictureCrops } from "../lib/article-metadata";
import {
  CROP_WIDTH,
  cropPosition,
  largestCrop,
  STRUCTURED_DATA_RATIOS,
  type FocusPosition,
} from "../lib/pictures";
import { CARD_HEIGHT, CARD_WIDTH } from "../lib/social-meta";
import type { Article } from "./articles";
import { urls } from "./site-urls";

/** An article's lead picture, its file bundled by Astro's content layer. */
export interface LeadPicture {
  src: ImageMetadata;
  /** Empty for a decorative picture. */
  alt: string;
  caption?: string | undefined;
  credit?: string | undefined;
  focus: FocusPosition;
}

/**
 * The article's lead picture, if it has one. The articles loader marks it
 * for the content layer in every build that renders the article
 * (src/content/loader/lead-picture.ts), which hands it here bundled, in
 * place of its path; a build that only lists the article keeps the path,
 * and gets undefined.
 */
export function leadPictureOf(article: Article): LeadPicture | undefined {
  const image = article.data.image;
  const src: unknown = image?.src;
  if (!image || typeof src !== "object" || src === null) return undefined;
  return { ...image, src: src as ImageMetadata, alt: image.alt ?? "" };
}

/**
 * A picture's width and height. Reading the bundled picture's own fields
 * would mark its file as shown as it is, and Astro would copy the original
 * into the site: its clone does not (as Astro's <Picture> reads it).
 */
export function pictureSize(picture: LeadPicture): [number, number] {
  const { width, height } =
    (picture.src as ImageMetadata & { clone?: ImageMetadata }).clone ?? picture.src;
  return [width, height];
}

/**
 * The crops of a lead picture for link previews (1.91:1) and Google's
 * structured data (16:9, 4:3, 1:1): each the largest the picture holds, at
 * most as wide as Google asks, cut around its focus. JPEG, which every
 * crawler reads.
 */
export async function pictureCrops(picture: LeadPicture, headline: string): Promise<PictureCrops> {
  const [fullWidth, fullHeight] = pictureSize(picture);
  const crop = async (ratio: readonly [number, number]) => {
    const [width, height] = largestCrop(fullWidth, fullHeight, ratio);
    const scale = Math.min(1, CROP_WIDTH / width);
    const image = await getImage({
      src: picture.src,
      width: Math.round(width * scale),
      height: Math.round(height * scale),
      fit: "cover",
      position: cropPosition(picture.focus),
      format: "jpg",
    });
    return {
      url: urls.atOrigin(image.src),
      width: Number(image.attributes["width"]),
      height: Number(image.attributes["height"]),
    };
  };
  const [card, ...structuredData] = await Promise.all(
    [[CARD_WIDTH, CARD_HEIGHT] as const, ...STRUCTURED_DATA_RATIOS].map(crop),
  );
  return {
    card: { ...card!, alt: picture.alt || headline, type: "image/jpeg" },
    structuredData: structuredData.map(({ url }) => url),
  };
}
