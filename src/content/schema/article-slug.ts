import { z } from "astro/zod";

/** A slug an editor writes for an article's URL, pinned or former: `putin-meets-obama`. */
export const articleSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  message: "must be lowercase letters and digits joined by single hyphens",
});

/**
 * The slugs an article's URL had before, on the same date: each keeps a page
 * at its old address that sends the reader on. A slug listed twice is a
 * mistake, as in `topics`.
 */
export const formerSlugsSchema = z
  .array(articleSlug)
  .min(1, { message: "must list a former slug" })
  .superRefine((slugs, ctx) => {
    const seen = new Set<string>();
    for (const slug of slugs) {
      if (seen.has(slug)) {
        ctx.addIssue({ code: "custom", message: `lists “${slug}” twice`, path: [] });
      }
      seen.add(slug);
    }
  });
