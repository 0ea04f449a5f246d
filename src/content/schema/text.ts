import { z } from "astro/zod";

/** Text that is not empty once trimmed. */
export const nonEmpty = z.string().trim().min(1, { message: "must not be empty" });
