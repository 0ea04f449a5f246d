import { z } from "astro/zod";
import { slugifyName } from "../../lib/slugs.ts";
import { pageName } from "./page-name.ts";

/**
 * The editorial topics an article belongs to. Two names that would share a
 * topic page ("Syrian War", "Syrian war") are a mistake within one article
 * as across the archive (src/content/checks/page-names.ts).
 */
export const topicsSchema = z.array(pageName).superRefine((topics, ctx) => {
  const seen = new Map<string, string>();
  for (const topic of topics) {
    const slug = slugifyName(topic);
    const earlier = seen.get(slug);
    if (earlier === undefined) {
      seen.set(slug, topic);
      continue;
    }
    ctx.addIssue({
      code: "custom",
      message:
        earlier === topic
          ? `lists “${topic}” twice`
          : `lists both “${earlier}” and “${topic}”, which are one topic: keep one`,
      path: [],
    });
  }
});
