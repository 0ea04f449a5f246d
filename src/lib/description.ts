/** The frontmatter fields a description is made from. */
export interface DescriptionFields {
  description?: string | undefined;
  bullets: readonly string[];
}

/** The article's description: the editor's, or the summary bullets as sentences. */
export function articleDescription({ description, bullets }: DescriptionFields): string {
  if (description) return description;
  return bullets.map((bullet) => (/[.!?…]$/.test(bullet) ? bullet : `${bullet}.`)).join(" ");
}
