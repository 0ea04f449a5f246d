import rss from "@astrojs/rss";
import { correctionsNewestFirst } from "../lib/corrections";
import { startOfCalendarDay } from "../lib/dates";
import { escapeXml, FEED_ITEM_LIMIT } from "../lib/feed";
import { site } from "../site.config";
import type { ListedArticle } from "./articles";
import { urls } from "./site-urls";

/**
 * The RSS 2.0 feed of corrections: the newest FEED_ITEM_LIMIT, each linked
 * to its entry in its article's record, whose anchor is also its guid: it
 * never changes when the article is corrected again.
 */
export function correctionsFeed(articles: readonly ListedArticle[]) {
  return rss({
    title: `${site.name}: Corrections`,
    description: `Every correction to an article on ${site.name}, newest first.`,
    site: urls.atOrigin(urls.corrections()),
    xmlns: { atom: "http://www.w3.org/2005/Atom" },
    customData:
      `<language>${escapeXml(site.lang)}</language>` +
      `<atom:link href="${escapeXml(urls.correctionsFeed())}" rel="self" type="application/rss+xml"/>`,
    items: correctionsNewestFirst(articles)
      .slice(0, FEED_ITEM_LIMIT)
      .map(({ article: { data }, entry }) => ({
        title: `Correction: ${data.headline}`,
        link: urls.articleAtAbsolute(data, entry.id),
        pubDate: startOfCalendarDay(entry.date, data.timezone),
        // Text, escaped as HTML here (and as XML by @astrojs/rss), as the articles' feed does.
        description: escapeXml(entry.text),
      })),
  });
}
