import { z } from "astro/zod";
import { nonEmpty } from "./text.ts";

/** An item shown beside the article, such as a related video. */
export const relatedItemSchema = z.strictObject({
  /** The item's title as the source shows it. Required. */
  title: nonEmpty,
  /** Where the item lives, when it has an address: a web address, never a `javascript:` one. */
  url: z
    .url({
      protocol: /^https?$/,
      error: "must be a web address starting with https:// or http://",
    })
    .optional(),
});
