import { z } from "astro/zod";
import { calendarDate } from "./calendar-date.ts";
import { nonEmpty } from "./text.ts";

/** One correction: what was wrong in the article, said on the day it was put right. */
export const correctionSchema = z.strictObject({
  /** The day the article was corrected, as `YYYY-MM-DD` in the article's time zone. Required. */
  date: calendarDate,
  /** What was wrong and what is right, as the newsroom words it. Required. */
  text: nonEmpty,
  /** The body paragraph the correction concerns, counted from 1, which the record links to. */
  paragraph: z
    .int()
    .positive({ message: "must be a paragraph number, counted from 1" })
    .optional(),
});

/**
 * The article's corrections record, oldest first: a new correction goes at
 * the end, so the record reads in the order things were put right, and the
 * entries already there keep their place (and their links).
 */
export const correctionsSchema = z.array(correctionSchema).superRefine((corrections, ctx) => {
  corrections.forEach(({ date }, index) => {
    const before = corrections[index - 1]?.date;
    // A date already reported as invalid is not compared.
    if (before === undefined || typeof date !== "string" || date >= before) return;
    ctx.addIssue({
      code: "custom",
      message:
        `must not be before the correction above it (${date} is before ${before}): ` +
        "list corrections oldest first, a new one at the end",
      path: [index, "date"],
    });
  });
});
