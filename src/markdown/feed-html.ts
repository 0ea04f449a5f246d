import rehypeParse from "rehype-parse";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import rehypeAbsoluteUrls from "./plugins/rehype-absolute-urls";
import rehypeUnwrapSectionLinks from "./plugins/rehype-unwrap-section-links";

/*
 * Most articles are carried by more than one feed (the site's and each of
 * their topics'), and a build makes every feed: each article's content is
 * made once and kept, by its HTML and URL, which decide it.
 */
const made = new Map<string, string>();

/**
 * GitHub's schema (rehype-sanitize's default), with the figures of an
 * article and their captions and credits. A figure's `<picture>` and its
 * WebP `<source>` are left out: feed readers each show pictures their own
 * way, and all of them show the `<img>`, in its file's format.
 */
const feedSchema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((name) => name !== "picture" && name !== "source"),
    "figure",
    "figcaption",
    "small",
  ],
};

/**
 * An article's rendered HTML as a feed item's content: page furniture
 * removed, every URL absolute against the article's, then sanitised with
 * GitHub's schema (rehype-sanitize's default) and figures, so the feed is safe on its own
 * whatever the page pipeline let through.
 */
export function feedContent(html: string, articleUrl: string): string {
  const key = `${articleUrl}\n${html}`;
  let content = made.get(key);
  if (content === undefined) {
    content = String(
      unified()
        .use(rehypeParse, { fragment: true })
        .use(rehypeUnwrapSectionLinks)
        .use(rehypeAbsoluteUrls, { base: articleUrl })
        .use(rehypeSanitize, feedSchema)
        .use(rehypeStringify)
        .processSync(html),
    );
    made.set(key, content);
  }
  return content;
}
