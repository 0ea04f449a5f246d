import { slug as githubSlug } from "github-slugger";

/** Used when a headline has no letters or digits to make a slug from. */
export const FALLBACK_SLUG = "article";

/**
 * A URL slug for a headline: lowercase, hyphenated, accents folded
 * ("Café" → "cafe") so the common case stays plain ASCII; letters of other
 * scripts are kept so those headlines still get readable URLs.
 */
export function slugifyHeadline(headline: string): string {
  const folded = headline.normalize("NFKD").replace(/\p{M}/gu, "");
  const slug = githubSlug(folded).replace(/-{2,}/g, "-").replace(/^-|-$/g, "");
  return slug === "" ? FALLBACK_SLUG : slug;
}
