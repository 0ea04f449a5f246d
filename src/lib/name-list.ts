const nameList = new Intl.ListFormat("en", { style: "long", type: "conjunction" });

/** Names joined as a newsroom writes them: "A, B, and C". */
export function formatNameList(names: readonly string[]): string {
  return nameList.format(names);
}

/** A piece of a name list: a name, or the words and commas between names. */
export interface NameListPart {
  type: "name" | "text";
  value: string;
}

/** A name list in pieces, so that each name can be a link: "A", ", ", "B", ", and ", "C". */
export function nameListParts(names: readonly string[]): NameListPart[] {
  return nameList
    .formatToParts(names)
    .map(({ type, value }) => ({ type: type === "element" ? "name" : "text", value }));
}

const counts = new Intl.PluralRules("en");

/** How many articles, in words a page shows: "1 article", "2,015 articles". */
export function formatArticleCount(count: number): string {
  const noun = counts.select(count) === "one" ? "article" : "articles";
  return `${count.toLocaleString("en")} ${noun}`;
}
