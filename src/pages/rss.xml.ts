import type { APIRoute } from "astro";
import { articleFeed } from "../data/article-feed";
import { getListedArticles } from "../data/articles";
import { urls } from "../data/site-urls";
import { FEED_PATH } from "../lib/site-urls";
import { site } from "../site.config";

/** The RSS 2.0 feed: the newest articles, each in full as sanitised HTML. */
export const GET: APIRoute = async () =>
  articleFeed({
    title: site.name,
    description: site.description,
    link: urls.absolute(),
    self: urls.absolute(FEED_PATH),
    articles: await getListedArticles(),
  });
