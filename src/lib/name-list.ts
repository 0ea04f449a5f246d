const nameList = new Intl.ListFormat("en", { style: "long", type: "conjunction" });

/** Names joined as a newsroom writes them: "A, B, and C". */
export function formatNameList(names: readonly string[]): string {
  return nameList.format(names);
}
