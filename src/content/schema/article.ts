import { z } from "astro/zod";
import { articleParams, articleRoutePath, withBase } from "../../lib/site-urls.ts";
import { articleSlug, formerSlugsSchema } from "./article-slug.ts";
import { bylineSchema } from "./byline.ts";
import { calendarDate } from "./calendar-date.ts";
import { correctionsSchema } from "./corrections.ts";
import { leadSchema } from "./lead.ts";
import { leadImageSchema } from "./lead-image.ts";
import { relatedItemSchema } from "./related-item.ts";
import { sectionId } from "./section-id.ts";
import { nonEmpty } from "./text.ts";
import { timeZone } from "./time-zone.ts";
import { topicsSchema } from "./topics.ts";
import { updateNoteSchema } from "./update-note.ts";

/** The frontmatter of one article in `content/articles/`. */
export const articleSchema = z
  .strictObject({
    /** The headline, shown as the page's `<h1>`. Required. */
    headline: nonEmpty,
    /** The summary points under the headline: one to five. */
    bullets: z
      .array(nonEmpty)
      .min(1, { message: "needs at least one summary bullet" })
      .max(5, { message: "takes at most five summary bullets" }),
    /** Who wrote the article. Required. */
    byline: bylineSchema,
    /** The date the article was first published, as `YYYY-MM-DD`. Required. */
    published: calendarDate,
    /** The date of the latest update, as `YYYY-MM-DD`. */
    updated: calendarDate.optional(),
    /** The IANA time zone the dates are in (the dateline's). Required. */
    timezone: timeZone,
    /** The note on the latest update: its text, or `{ text, paragraph }` to link the paragraph it changed. */
    updateNote: z
      .preprocess((note) => (typeof note === "string" ? { text: note } : note), updateNoteSchema)
      .optional(),
    /** The corrections record, oldest first: each correction's date, its text and the paragraph it concerns. */
    corrections: correctionsSchema.default([]),
    /** The editorial topics the article belongs to, each with its own page and feed: "Syrian War". */
    topics: topicsSchema.default([]),
    /** The picture that leads the article: its file, `alt`, caption, credit and focus. */
    image: leadImageSchema.optional(),
    /** Items shown with the article, such as a related video. */
    related: z.array(relatedItemSchema).default([]),
    /** The summary for search engines and feeds; defaults to the bullets. */
    description: nonEmpty.optional(),
    /** The URL slug; defaults to a slug of the headline. Pin it to keep links when the headline changes. */
    slug: articleSlug.optional(),
    /** Slugs the article's URL had before, on the same date: each old URL sends the reader to the article. */
    formerSlugs: formerSlugsSchema.optional(),
    /** Ids a section had before, so old links still land on it: the section's id → its former ids. */
    formerIds: z
      .record(
        sectionId,
        z.union([sectionId, z.array(sectionId).min(1, { message: "must list a former id" })], {
          error: "must be a former id, or a list of them",
        }),
        {
          error: (issue) =>
            issue.code === "invalid_key"
              ? "is not a section id: use the id as it appears after # in the section's link"
              : undefined,
        },
      )
      .optional(),
    /** Lead the front page until a date, `{ until: 2026-12-08 }`, even when newer articles are published. */
    lead: leadSchema.optional(),
    /** A draft is built by `astro dev` but never published. */
    draft: z.boolean().default(false),
  })
  .superRefine(({ headline, published, updated, corrections, slug, formerSlugs, lead }, ctx) => {
    if (updated !== undefined && updated < published) {
      ctx.addIssue({
        code: "custom",
        message: `must not be before \`published\` (${updated} is before ${published})`,
        path: ["updated"],
      });
    }
    corrections.forEach(({ date }, index) => {
      if (date >= published) return;
      ctx.addIssue({
        code: "custom",
        message: `must not be before \`published\` (${date} is before ${published})`,
        path: ["corrections", index, "date"],
      });
    });
    // An article cannot lead before it is published: such a date is a typo.
    if (lead !== undefined && lead.until < published) {
      ctx.addIssue({
        code: "custom",
        message: `must not be before \`published\` (${lead.until} is before ${published})`,
        path: ["lead", "until"],
      });
    }
    const current = articleParams({ headline, published, slug });
    if (formerSlugs?.includes(current.slug)) {
      const url = withBase("/", articleRoutePath(current));
      ctx.addIssue({
        code: "custom",
        message:
          `lists “${current.slug}”, the article's slug now (${url}): ` +
          "list only slugs its URL had before",
        path: ["formerSlugs"],
      });
    }
  });

/** An article's frontmatter after validation. */
export type ArticleData = z.output<typeof articleSchema>;
