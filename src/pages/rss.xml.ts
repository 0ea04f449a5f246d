import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { getArticles } from "../data/articles";
import { articlePath } from "../lib/article-path";
import { startOfCalendarDay } from "../lib/dates";
import { escapeXml, FEED_ITEM_LIMIT, feedContent, feedCreators } from "../lib/feed";
import { articleDescription } from "../lib/metadata";
import { absoluteUrl } from "../lib/page-metadata";
import { withBase } from "../lib/urls";
import { site } from "../site.config";

/** The RSS 2.0 feed: the newest articles, each in full as sanitised HTML. */
export const GET: APIRoute = async (context) => {
  const origin = context.site ?? context.url;
  const base = import.meta.env.BASE_URL;
  const articles = (await getArticles()).slice(0, FEED_ITEM_LIMIT);
  return rss({
    title: site.name,
    description: site.description,
    site: absoluteUrl(origin, withBase(base)),
    xmlns: { atom: "http://www.w3.org/2005/Atom", dc: "http://purl.org/dc/elements/1.1/" },
    customData:
      `<language>${escapeXml(site.lang)}</language>` +
      `<atom:link href="${escapeXml(absoluteUrl(origin, withBase(base, "rss.xml")))}" rel="self" type="application/rss+xml"/>`,
    items: articles.map(({ data, rendered }) => {
      const link = absoluteUrl(origin, withBase(base, articlePath(data)));
      if (rendered?.html === undefined)
        throw new Error(`${data.headline}: no rendered HTML for the feed`);
      return {
        title: data.headline,
        link,
        pubDate: startOfCalendarDay(data.published, data.timezone),
        // Readers render a description as HTML, and ours is text: escaped as
        // HTML here (and as XML by @astrojs/rss), "<b>" shows as "<b>".
        description: escapeXml(articleDescription(data)),
        content: feedContent(rendered.html, link),
        customData: feedCreators(data.byline),
      };
    }),
  });
};
