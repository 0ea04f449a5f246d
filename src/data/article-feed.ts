import rss from "@astrojs/rss";
import { startOfCalendarDay } from "../lib/dates";
import { articleDescription } from "../lib/description";
import { escapeXml, FEED_ITEM_LIMIT, feedCreators, feedItemHtml } from "../lib/feed";
import { feedContent } from "../markdown/feed-html";
import { site } from "../site.config";
import type { Article } from "./articles";
import { urls } from "./site-urls";

/** What sets one feed apart from another: the site's, a topic's. */
export interface ArticleFeed {
  title: string;
  description: string;
  /** The absolute URL of the page the feed follows. */
  link: string;
  /** The feed's own absolute URL. */
  self: string;
  /** The articles to choose from, newest first: the feed carries the first FEED_ITEM_LIMIT. */
  articles: readonly Article[];
}

/** An RSS 2.0 feed of articles, each in full (bullets to corrections) as sanitised HTML: the site's and every topic's. */
export function articleFeed({ title, description, link, self, articles }: ArticleFeed) {
  return rss({
    title,
    description,
    site: link,
    xmlns: { atom: "http://www.w3.org/2005/Atom", dc: "http://purl.org/dc/elements/1.1/" },
    customData:
      `<language>${escapeXml(site.lang)}</language>` +
      `<atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
    items: articles.slice(0, FEED_ITEM_LIMIT).map(({ data, rendered }) => {
      const link = urls.articleAbsolute(data);
      if (rendered?.html === undefined)
        throw new Error(`${data.headline}: no rendered HTML for the feed`);
      return {
        title: data.headline,
        link,
        pubDate: startOfCalendarDay(data.published, data.timezone),
        // Readers render a description as HTML, and ours is text: escaped as
        // HTML here (and as XML by @astrojs/rss), "<b>" shows as "<b>".
        description: escapeXml(articleDescription(data)),
        // The whole article, as the page and print show it, not only the Markdown.
        content: feedContent(
          feedItemHtml({
            bullets: data.bullets,
            bodyHtml: rendered.html,
            contributors: data.byline.contributors,
            updateNote: data.updateNote,
            corrections: { entries: data.corrections, timeZone: data.timezone },
          }),
          link,
        ),
        customData: feedCreators(data.byline),
      };
    }),
  });
}
