import { z } from "astro/zod";
import { sectionIdPattern } from "../../lib/slugs.ts";

/** An id an editor writes for a section, such as `assads-future`. */
export const sectionId = z.string().regex(sectionIdPattern, {
  message: "must be an id such as assads-future: letters, digits and hyphens",
});
