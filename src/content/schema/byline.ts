import { z } from "astro/zod";
import { pageName } from "./page-name.ts";
import { nonEmpty } from "./text.ts";

/** Who wrote the article. */
export const bylineSchema = z.strictObject({
  /** Named authors, in byline order. May be empty when the organisation signs the piece. */
  authors: z.array(pageName).default([]),
  /** The news organisation that publishes the article. Required. */
  organisation: nonEmpty,
  /** People credited with assistance ("With assistance by …"). */
  contributors: z.array(pageName).default([]),
});
