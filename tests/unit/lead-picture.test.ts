import { join } from "node:path";
import type { AstroIntegrationLogger } from "astro";
import { expect, test } from "vitest";
import type { ArticleData } from "../../src/content/schema/article";
import { leadPictureProblems, withLeadPictureImport } from "../../src/content/loader/lead-picture";
import { drawPicture } from "../../src/cli/synthetic-pictures";
import { useTempDir } from "../support/temp-dir";

const folder = useTempDir("lead-picture");

/** A logger that keeps what it was told to warn of. */
function warnings(): { logger: AstroIntegrationLogger; said: string[] } {
  const said: string[] = [];
  // The one method the check calls.
  const logger = {
    warn: (message: string) => void said.push(message),
  } as unknown as AstroIntegrationLogger;
  return { logger, said };
}

const withImage = (src: string) =>
  ({ image: { src, alt: "A crowd", focus: "center" } }) as unknown as ArticleData;

test("a picture large enough for the crops passes without a word", async () => {
  await drawPicture(join(folder(), "crowd.jpg"), 1200, 675);
  const { logger, said } = warnings();
  const file = join(folder(), "story.md");
  expect(await leadPictureProblems("story.md", file, withImage("./crowd.jpg"), logger)).toEqual([]);
  expect(said).toEqual([]);
});

test("a picture smaller than a social card is published, with a warning that gives its size", async () => {
  await drawPicture(join(folder(), "small.jpg"), 800, 450);
  const { logger, said } = warnings();
  const file = join(folder(), "story.md");
  expect(await leadPictureProblems("story.md", file, withImage("./small.jpg"), logger)).toEqual([]);
  expect(said).toEqual([
    "story.md: `image.src` is 800 × 450 px, smaller than the 1200 × 630 of a social card: " +
      "link previews and Google's crops will show it small or blurred",
  ]);
});

test("the picture's path is marked for Astro's content layer, from the article's folder", () => {
  expect(withLeadPictureImport(withImage("./crowd.jpg")).image?.src).toBe(
    "__ASTRO_IMAGE_./crowd.jpg",
  );
  expect(withLeadPictureImport(withImage("photos/crowd.jpg")).image?.src).toBe(
    "__ASTRO_IMAGE_./photos/crowd.jpg",
  );
  // Marked once: a second pass leaves it.
  const marked = withLeadPictureImport(withImage("./crowd.jpg"));
  expect(withLeadPictureImport(marked)).toBe(marked);
});
