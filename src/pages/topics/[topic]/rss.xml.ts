import type { APIRoute, GetStaticPaths } from "astro";
import { articleFeed } from "../../../data/article-feed";
import { listingsToMake } from "../../../data/pages-to-make";
import { getTopics } from "../../../data/browsing";
import { urls } from "../../../data/site-urls";
import { topicFeedPath } from "../../../lib/site-urls";
import { site } from "../../../site.config";

export const getStaticPaths = (async () =>
  listingsToMake(
    (await getTopics()).map((topic) => ({
      params: { topic: topic.slug },
      props: { topic },
    })),
    ({ props }) => topicFeedPath(props.topic.name),
  )) satisfies GetStaticPaths;

/** A topic's RSS feed: its newest articles in full, as the site's feed has them. */
export const GET: APIRoute<Awaited<ReturnType<typeof getStaticPaths>>[number]["props"]> = ({
  props: { topic },
}) =>
  articleFeed({
    title: `${site.name}: ${topic.name}`,
    description: `The newest articles on ${topic.name}.`,
    link: urls.atOrigin(urls.topic(topic.name)),
    self: urls.topicFeed(topic.name),
    articles: topic.items,
  });
