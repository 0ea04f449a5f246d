/** How many articles the feed carries: the newest. */
export const FEED_ITEM_LIMIT = 50;

/** Text made safe to place inside an XML element. */
export function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** The byline as Dublin Core creators: one a named author, or the organisation when none is named. */
export function feedCreators(byline: { authors: readonly string[]; organisation: string }): string {
  const names = byline.authors.length > 0 ? byline.authors : [byline.organisation];
  return names.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join("");
}
