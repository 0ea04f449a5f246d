import rehypeParse from "rehype-parse";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import rehypeAbsoluteUrls from "../plugins/rehype-absolute-urls";
import rehypeRemoveSectionLinks from "../plugins/rehype-remove-section-links";

/** How many articles the feed carries: the newest. */
export const FEED_ITEM_LIMIT = 50;

/**
 * An article's rendered HTML as a feed item's content: page furniture
 * removed, every URL absolute against the article's, then sanitised with
 * GitHub's schema (rehype-sanitize's default), so the feed is safe on its own
 * whatever the page pipeline let through.
 */
export function feedContent(html: string, articleUrl: string): string {
  const file = unified()
    .use(rehypeParse, { fragment: true })
    .use(rehypeRemoveSectionLinks)
    .use(rehypeAbsoluteUrls, { base: articleUrl })
    .use(rehypeSanitize)
    .use(rehypeStringify)
    .processSync(html);
  return String(file);
}

/** Text made safe to place inside an XML element. */
export function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** The byline as Dublin Core creators: one a named author, or the organisation when none is named. */
export function feedCreators(byline: { authors: readonly string[]; organisation: string }): string {
  const names = byline.authors.length > 0 ? byline.authors : [byline.organisation];
  return names.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join("");
}
