import { z } from "astro/zod";
import { calendarDate } from "./calendar-date.ts";

/** An article the newsroom puts at the top of the front page, for a while. */
export const leadSchema = z.strictObject({
  /** The last day it leads, as `YYYY-MM-DD` in the article's time zone; from the next day the newest article leads. Required. */
  until: calendarDate,
});
