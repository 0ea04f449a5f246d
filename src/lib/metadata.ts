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

const nameList = new Intl.ListFormat("en", { style: "long", type: "conjunction" });

/** Names joined as a newsroom writes them: "A, B, and C". */
export function formatNameList(names: readonly string[]): string {
  return nameList.format(names);
}
