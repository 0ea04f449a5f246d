import { z } from "astro/zod";
import {
  FOCUS_POSITIONS,
  isPictureFile,
  isRemotePicture,
  PICTURE_EXTENSIONS,
} from "../../lib/pictures.ts";
import { nonEmpty } from "./text.ts";

/** A picture file's path, from the article's folder. */
const picturePath = nonEmpty
  .refine((path) => !isRemotePicture(path), {
    message:
      "must be a file of the site, not a web address: save the picture beside the article " +
      "and give its path from there, such as ./crowd.jpg",
  })
  .refine((path) => !path.startsWith("/"), {
    message: "must start from the article's folder, such as ./crowd.jpg or ../images/crowd.jpg",
  })
  .refine(isPictureFile, {
    message: `must be a picture in one of these formats: ${PICTURE_EXTENSIONS.join(", ")}`,
  });

/** The picture that leads an article: on its page, its social card and its feed item. */
export const leadImageSchema = z
  .strictObject({
    /** The file, from the article's folder: `./crowd.jpg`. Required. */
    src: picturePath,
    /** What the picture shows, for readers who cannot see it. Required, unless `decorative`. */
    alt: z.string().trim().optional(),
    /** Says the picture adds nothing the text does not say, so it has no `alt`. */
    decorative: z.literal(true, { error: "can only be true (leave it out otherwise)" }).optional(),
    /** The caption under the picture. */
    caption: nonEmpty.optional(),
    /** Who made the picture: "Jane Doe/Reuters". */
    credit: nonEmpty.optional(),
    /** The part a crop keeps (the social card, the 1:1 crop): "top", "bottom left"… (default: center). */
    focus: z
      .enum(FOCUS_POSITIONS, { error: `must be one of: ${FOCUS_POSITIONS.join(", ")}` })
      .default("center"),
  })
  .superRefine(({ alt, decorative }, ctx) => {
    if (decorative && alt) {
      ctx.addIssue({
        code: "custom",
        message: "must be left out when the picture is `decorative: true`",
        path: ["alt"],
      });
    } else if (!decorative && !alt) {
      ctx.addIssue({
        code: "custom",
        message:
          "is required: say what the picture shows (or, if it is only decoration, write `decorative: true`)",
        path: ["alt"],
      });
    }
  });
