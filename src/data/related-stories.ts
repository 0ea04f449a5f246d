import { currentJobScope } from "../content/current-job";
import { relatedStories, type RelatedStory } from "../lib/related-stories";
import { getArticles } from "./articles";

let chosen: Promise<ReadonlyMap<string, RelatedStory[]>> | undefined;

/**
 * The earlier stories an article's page lists. A build the publisher runs
 * was handed them in its scope, chosen from the whole archive; a build of
 * the whole site on its own (`astro build`, `astro dev`) has every article
 * and chooses them itself, the same way.
 */
export async function relatedStoriesOf(id: string): Promise<readonly RelatedStory[]> {
  const scope = currentJobScope();
  const handed = scope?.pages === "site" ? scope.articles?.related : scope?.related;
  if (handed) return handed[id] ?? [];
  chosen ??= getArticles().then((articles) =>
    relatedStories(new Map(articles.map(({ id, data }) => [id, data]))),
  );
  return (await chosen).get(id) ?? [];
}
