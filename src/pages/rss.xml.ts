import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { getArticles } from "../data/articles";
import { urls } from "../data/site-urls";
import { startOfCalendarDay } from "../lib/dates";
import { articleDescription } from "../lib/description";
import { escapeXml, FEED_ITEM_LIMIT, feedCreators, feedItemHtml } from "../lib/feed";
import { feedContent } from "../markdown/feed-html";
import { site } from "../site.config";

/** The RSS 2.0 feed: the newest articles, each in full (bullets to update note) as sanitised HTML. */
export const GET: APIRoute = async () => {
  const articles = (await getArticles()).slice(0, FEED_ITEM_LIMIT);
  return rss({
    title: site.name,
    description: site.description,
    site: urls.absolute(),
    xmlns: { atom: "http://www.w3.org/2005/Atom", dc: "http://purl.org/dc/elements/1.1/" },
    customData:
      `<language>${escapeXml(site.lang)}</language>` +
      `<atom:link href="${escapeXml(urls.absolute("rss.xml"))}" rel="self" type="application/rss+xml"/>`,
    items: articles.map(({ data, rendered }) => {
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
          }),
          link,
        ),
        customData: feedCreators(data.byline),
      };
    }),
  });
};
