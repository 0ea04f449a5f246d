/** The frontmatter fields that order articles. */
export interface OrderFields {
  headline: string;
  published: string;
}

/** Sorts newest first; articles of one day by headline, so the order never depends on file order. */
export function compareNewestFirst(a: OrderFields, b: OrderFields): number {
  if (a.published !== b.published) return a.published < b.published ? 1 : -1;
  return a.headline.localeCompare(b.headline, "en");
}
