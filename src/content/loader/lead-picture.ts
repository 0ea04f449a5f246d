import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { AstroIntegrationLogger } from "astro";
import sharp from "sharp";
import { CARD_HEIGHT, CARD_WIDTH } from "../../lib/social-meta";
import type { Problem } from "../checks/problems";
import { formatProblem } from "../checks/problems";
import type { ArticleData } from "../schema/article";

/** The prefix by which Astro's content layer knows a picture in an entry's data (its IMAGE_IMPORT_PREFIX). */
const PICTURE_IMPORT_PREFIX = "__ASTRO_IMAGE_";

/**
 * The article's data with its lead picture marked for Astro's content
 * layer, as the `image()` schema helper marks one: the store bundles the
 * file, and `getCollection` hands the page its ImageMetadata in place of
 * the path.
 */
export function withLeadPictureImport(data: ArticleData): ArticleData {
  if (!data.image || data.image.src.startsWith(PICTURE_IMPORT_PREFIX)) return data;
  const src = data.image.src.startsWith(".") ? data.image.src : `./${data.image.src}`;
  return { ...data, image: { ...data.image, src: `${PICTURE_IMPORT_PREFIX}${src}` } };
}

/**
 * What is wrong with an article's lead picture file: missing, or not a
 * picture sharp can read. A picture too small for the crops (the social
 * card, Google's 16:9 crop) is only a warning: the page still shows it.
 */
export async function leadPictureProblems(
  file: string,
  absolute: string,
  data: ArticleData,
  logger: AstroIntegrationLogger,
): Promise<Problem[]> {
  if (!data.image) return [];
  const path = resolve(dirname(absolute), data.image.src);
  const problem = (message: string): Problem[] => [
    { file, message: `\`image.src\` ${message}: tried ${path}` },
  ];
  if (!existsSync(path)) return problem(`is \`${data.image.src}\`, which does not exist (paths start from the article's folder)`);
  try {
    const { width, height } = await sharp(path).metadata();
    if (!width || !height) return problem("cannot be read as a picture (it has no size)");
    if (width < CARD_WIDTH || height < CARD_HEIGHT) {
      logger.warn(
        formatProblem({
          file,
          message:
            `\`image.src\` is ${width} × ${height} px, smaller than the ${CARD_WIDTH} × ${CARD_HEIGHT} ` +
            "of a social card: link previews and Google's crops will show it small or blurred",
        }),
      );
    }
  } catch (error) {
    return problem(`cannot be read as a picture (${(error as Error).message})`);
  }
  return [];
}
