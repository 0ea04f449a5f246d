import { z } from "astro/zod";

const calendarDateMessage = "must be a calendar date written as YYYY-MM-DD, for example 2015-11-15";

/** A calendar date written as `YYYY-MM-DD`; YAML reads it as UTC midnight. */
export const calendarDate = z
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
