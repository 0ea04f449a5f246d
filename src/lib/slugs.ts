import { slug as githubSlug } from "github-slugger";

/** Used when a headline has no letters or digits to make a slug from. */
export const FALLBACK_SLUG = "article";

/**
 * A URL slug for a headline: lowercase, hyphenated, accents folded
 * ("Café" → "cafe") so the common case stays plain ASCII; letters of other
 * scripts are kept so those headlines still get readable URLs.
 */
export function slugifyHeadline(headline: string): string {
  return foldedSlug(headline) || FALLBACK_SLUG;
}

function foldedSlug(text: string): string {
  const folded = text.normalize("NFKD").replace(/\p{M}/gu, "");
  return githubSlug(folded).replace(/-{2,}/g, "-").replace(/^-|-$/g, "");
}

/** What an id an editor writes (a pinned or former section id) may look like: letters and digits of any script, hyphens, underscores. */
export const sectionIdPattern = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;

/** The id of a heading with no letters or digits to make one from ("***", "—", an emoji). */
export const FALLBACK_HEADING_ID = "section";

/**
 * A heading's id before de-duplication: GitHub's algorithm (`Assad’s Future`
 * → `assads-future`), which keeps the letters of every script, so Cyrillic,
 * Greek and CJK headings get readable ids. Hyphens and underscores at the
 * ends are trimmed (no `__proto__`); a heading with nothing readable left
 * gets the fallback.
 */
export function slugifyHeading(text: string): string {
  const slug = githubSlug(text.normalize("NFC")).replace(/^[-_]+|[-_]+$/g, "");
  return /[\p{L}\p{N}]/u.test(slug) ? slug : FALLBACK_HEADING_ID;
}

/**
 * The slug of a name that gets its own page, a topic's or a person's
 * ("Syrian War" → "syrian-war", "José García" → "jose-garcia"): the headline
 * rules, but empty when the name has no letters or digits; the schema
 * refuses such a name, so no page is ever made at a fallback address.
 */
export function slugifyName(name: string): string {
  return foldedSlug(name);
}
