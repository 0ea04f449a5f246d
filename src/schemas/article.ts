import { z } from "astro/zod";
import { sectionIdPattern } from "../lib/slugs";
import { ordinalNames, splitUpdateNote } from "../lib/update-note";

const calendarDateMessage = "must be a calendar date written as YYYY-MM-DD, for example 2015-11-15";

/** A calendar date written as `YYYY-MM-DD`; YAML reads it as UTC midnight. */
const calendarDate = z
  .union([z.date(), z.string()], { error: calendarDateMessage })
  .transform((value, ctx) => {
    const text = value instanceof Date ? isoDateOf(value) : value;
    // The round trip also rejects days that roll over, such as 2015-02-30.
    if (text === undefined || isoDateOf(new Date(`${text}T00:00:00Z`)) !== text) {
      ctx.addIssue({ code: "custom", message: calendarDateMessage, input: value });
      return z.NEVER;
    }
    return text;
  });

/** `YYYY-MM-DD` of a date that YAML parsed from a date-only value; undefined when it carries a time. */
function isoDateOf(date: Date): string | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : undefined;
}

/** An IANA time zone name that this runtime knows, such as `Europe/Istanbul`. */
const timeZone = z.string().refine(isKnownTimeZone, {
  message: "must be an IANA time zone name, for example Europe/Istanbul or America/New_York",
  abort: true,
});

// Checked once per zone name: building an Intl.DateTimeFormat per article was
// a measurable share of validating a large archive.
const knownTimeZones = new Map<string, boolean>();

function isKnownTimeZone(name: string): boolean {
  let known = knownTimeZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    knownTimeZones.set(name, known);
  }
  return known;
}

const nonEmpty = z.string().trim().min(1, { message: "must not be empty" });

/** Who wrote the article. */
export const bylineSchema = z.strictObject({
  /** Named authors, in byline order. May be empty when the organisation signs the piece. */
  authors: z.array(nonEmpty).default([]),
  /** The news organisation that publishes the article. Required. */
  organisation: nonEmpty,
  /** People credited with assistance ("With assistance by …"). */
  contributors: z.array(nonEmpty).default([]),
});

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

/** An id an editor writes for a section, such as `assads-future`. */
const sectionId = z.string().regex(sectionIdPattern, {
  message: "must be an id such as assads-future: letters, digits and hyphens",
});

/**
 * The newsroom's note on what the latest update changed, and the body
 * paragraph it changed (counted from 1, as the note counts), whose words in
 * the note ("third paragraph") the page links to that paragraph.
 */
export const updateNoteSchema = z
  .strictObject({
    /** The note as the newsroom wrote it: "(Updates with Putin comment in third paragraph.)". Required. */
    text: nonEmpty,
    /** The paragraph the update changed, counted from 1; the text must name it ("third paragraph" or "3rd paragraph"). */
    paragraph: z
      .int()
      .positive({ message: "must be a paragraph number, counted from 1" })
      .optional(),
  })
  .superRefine(({ text, paragraph }, ctx) => {
    // A paragraph number already reported as invalid is not checked again.
    if (paragraph === undefined || !(Number.isInteger(paragraph) && paragraph > 0)) return;
    if (splitUpdateNote(text, paragraph)) return;
    const names = ordinalNames(paragraph).map((name) => `“${name} paragraph”`);
    ctx.addIssue({
      code: "custom",
      message: `must name paragraph ${paragraph} so the page can link it: write ${names.join(" or ")}`,
      path: ["text"],
    });
  });

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
    /** Items shown with the article, such as a related video. */
    related: z.array(relatedItemSchema).default([]),
    /** The summary for search engines and feeds; defaults to the bullets. */
    description: nonEmpty.optional(),
    /** The URL slug; defaults to a slug of the headline. Pin it to keep links when the headline changes. */
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
        message: "must be lowercase letters and digits joined by single hyphens",
      })
      .optional(),
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
    /** A draft is built by `astro dev` but never published. */
    draft: z.boolean().default(false),
  })
  .superRefine(({ published, updated }, ctx) => {
    if (updated !== undefined && updated < published) {
      ctx.addIssue({
        code: "custom",
        message: `must not be before \`published\` (${updated} is before ${published})`,
        path: ["updated"],
      });
    }
  });

/**
 * Keys editors bring from other systems, and the field each one means here,
 * so that the build can say "did you mean …" where spelling alone cannot.
 */
export const fieldSynonyms: Readonly<Record<string, string>> = {
  title: "headline",
  summary: "bullets",
  date: "published",
  pubDate: "published",
  publishDate: "published",
  modified: "updated",
  updatedDate: "updated",
  author: "byline.authors",
  authors: "byline.authors",
  tz: "timezone",
};

/** An article's frontmatter after validation. */
export type ArticleData = z.output<typeof articleSchema>;
