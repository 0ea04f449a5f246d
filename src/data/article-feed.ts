import rss from "@astrojs/rss";
import { render } from "astro:content";
import { experimental_AstroContainer } from "astro/container";
import { startOfCalendarDay } from "../lib/dates";
import { articleDescription } from "../lib/description";
import {
  escapeXml,
  FEED_ITEM_LIMIT,
  feedCreators,
  feedItemHtml,
  feedMedia,
  type FeedPicture,
} from "../lib/feed";
import { withOnePicturePerFigure } from "../lib/pictures";
import { feedContent } from "../markdown/feed-html";
import { site } from "../site.config";
import { inFull, type Article, type ListedArticle } from "./articles";
import { leadPictureOf, pictureCrops } from "./lead-picture";
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
  articles: readonly ListedArticle[];
}

/** An RSS 2.0 feed of articles, each in full (bullets to corrections) as sanitised HTML: the site's and every topic's. */
export async function articleFeed({ title, description, link, self, articles }: ArticleFeed) {
  return rss({
    title,
    description,
    site: link,
    xmlns: {
      atom: "http://www.w3.org/2005/Atom",
      dc: "http://purl.org/dc/elements/1.1/",
      media: "http://search.yahoo.com/mrss/",
    },
    customData:
      `<language>${escapeXml(site.lang)}</language>` +
      `<atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
    items: await Promise.all(
      articles.slice(0, FEED_ITEM_LIMIT).map(async (listed) => {
        const article = await inFull(listed);
        if (article.rendered?.html === undefined)
          throw new Error(`${listed.id}: no rendered HTML for the feed`);
        const { data } = article;
        const link = urls.articleAbsolute(data);
        const lead = await feedPicture(article);
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
              lead,
              bullets: data.bullets,
              bodyHtml: await bodyHtml(article),
              contributors: data.byline.contributors,
              updateNote: data.updateNote,
              corrections: { entries: data.corrections, timeZone: data.timezone },
            }),
            link,
          ),
          customData: feedCreators(data.byline) + (lead ? feedMedia(lead) : ""),
        };
      }),
    ),
  });
}

/** Each article's body with its pictures, by id: most articles are in more than one feed. */
const bodies = new Map<string, Promise<string>>();
let container: Promise<experimental_AstroContainer> | undefined;

/**
 * An article's rendered body, with its pictures made: the stored HTML holds
 * Astro's placeholders for them, which only rendering the entry resolves
 * (into the same files as its page's).
 */
function bodyHtml(article: Article): Promise<string> {
  const html = article.rendered?.html ?? "";
  if (!article.rendered?.metadata?.imagePaths?.length) return Promise.resolve(html);
  let body = bodies.get(article.id);
  if (!body) {
    body = (async () => {
      // The feed shows each figure once, in its file's format (feed-html.ts).
      const rendered = { ...article.rendered!, html: withOnePicturePerFigure(html) };
      const { Content } = await render({ ...article, rendered });
      return (await (container ??= experimental_AstroContainer.create())).renderToString(Content);
    })();
    bodies.set(article.id, body);
  }
  return body;
}

/** An article's lead picture as its feed items carry it: the link-preview crop. */
async function feedPicture(article: Article): Promise<FeedPicture | undefined> {
  const picture = leadPictureOf(article);
  if (!picture) return undefined;
  const { card } = await pictureCrops(picture, article.data.headline);
  return { ...card, alt: picture.alt, caption: picture.caption, credit: picture.credit };
}
