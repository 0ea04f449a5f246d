import rehypeParse from "rehype-parse";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import rehypeAbsoluteUrls from "./plugins/rehype-absolute-urls";
import rehypeUnwrapSectionLinks from "./plugins/rehype-unwrap-section-links";

/**
 * An article's rendered HTML as a feed item's content: page furniture
 * removed, every URL absolute against the article's, then sanitised with
 * GitHub's schema (rehype-sanitize's default), so the feed is safe on its own
 * whatever the page pipeline let through.
 */
export function feedContent(html: string, articleUrl: string): string {
  const file = unified()
    .use(rehypeParse, { fragment: true })
    .use(rehypeUnwrapSectionLinks)
    .use(rehypeAbsoluteUrls, { base: articleUrl })
    .use(rehypeSanitize)
    .use(rehypeStringify)
    .processSync(html);
  return String(file);
}
