import { articlePath, type ArticlePathFields } from "./site-urls.ts";
import { slugifyName } from "./slugs.ts";

/*
 * "Earlier on these topics": the few articles an article page lists after
 * its text. Only articles published on an earlier day qualify, never one of
 * the same day or later, so publishing a new article changes no older page;
 * only editing or deleting an article changes the pages that list it.
 */

/** How many earlier stories an article lists. */
export const RELATED_STORIES = 3;

/** What the choice and the list read of an article: a few frontmatter fields. */
export interface StoryFields extends ArticlePathFields {
  headline: string;
  published: string;
  timezone: string;
  topics: readonly string[];
  draft?: boolean | undefined;
}

/** An earlier story as an article page lists it. */
export interface RelatedStory {
  headline: string;
  /** Its page's path below the site's base. */
  path: string;
  published: string;
  timezone: string;
}

interface Candidate {
  id: string;
  story: RelatedStory;
  topics: Set<string>;
}

/** Newest first; one day's articles by path, so the choice never depends on the order they came in. */
function newestFirst(a: Candidate, b: Candidate): number {
  if (a.story.published !== b.story.published)
    return a.story.published < b.story.published ? 1 : -1;
  return a.story.path < b.story.path ? -1 : a.story.path > b.story.path ? 1 : 0;
}

/** The index of the first candidate in `list` (newest first) published before `day`. */
function firstBefore(list: readonly Candidate[], day: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]!.story.published >= day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Each article's earlier stories, by id: from each of its topics, the
 * `RELATED_STORIES` newest articles published on an earlier day; of those,
 * the ones that share the most topics with it, newest first on a tie. Drafts
 * are listed by none. Each article costs its topics times a few steps, not
 * the archive's size, so 100,000 articles take well under a second.
 */
export function relatedStories(
  articles: ReadonlyMap<string, StoryFields>,
  count = RELATED_STORIES,
): Map<string, RelatedStory[]> {
  const byTopic = new Map<string, Candidate[]>();
  for (const [id, fields] of articles) {
    if (fields.draft) continue;
    const candidate: Candidate = {
      id,
      story: {
        headline: fields.headline,
        path: articlePath(fields),
        published: fields.published,
        timezone: fields.timezone,
      },
      topics: new Set(fields.topics.map(slugifyName)),
    };
    for (const topic of candidate.topics) {
      const list = byTopic.get(topic);
      if (list) list.push(candidate);
      else byTopic.set(topic, [candidate]);
    }
  }
  for (const list of byTopic.values()) list.sort(newestFirst);

  const related = new Map<string, RelatedStory[]>();
  for (const [id, fields] of articles) {
    const topics = new Set(fields.topics.map(slugifyName));
    const found = new Map<string, { candidate: Candidate; shared: number }>();
    for (const topic of topics) {
      const list = byTopic.get(topic) ?? [];
      const start = firstBefore(list, fields.published);
      for (const candidate of list.slice(start, start + count)) {
        if (found.has(candidate.id)) continue;
        const shared = [...candidate.topics].filter((name) => topics.has(name)).length;
        found.set(candidate.id, { candidate, shared });
      }
    }
    const chosen = [...found.values()]
      .sort((a, b) => b.shared - a.shared || newestFirst(a.candidate, b.candidate))
      .slice(0, count)
      .map(({ candidate }) => candidate.story);
    if (chosen.length > 0) related.set(id, chosen);
  }
  return related;
}
