import { calendarDateAt } from "./dates.ts";

/** The frontmatter fields that place an article on the front page. */
export interface FrontPageFields {
  published: string;
  /** The zone of the article's dates, in which its lead's last day ends. */
  timezone: string;
  topics: readonly string[];
  /** Set by the newsroom to lead the front page until a day. */
  lead?: { until: string } | undefined;
}

/** How much the front page shows: fixed counts, so it weighs the same at 1 article and at 100,000. */
export interface FrontPageCounts {
  /** How many of the newest articles, after the lead, it shows with their summaries. */
  latest: number;
  /** How many topics have a section. */
  topics: number;
  /** How many stories a topic's section lists. */
  storiesPerTopic: number;
  /** Among how many of the newest articles the busiest topics are counted. */
  busiestAmong: number;
}

/** A topic's section: its newest stories not shown higher up the page. */
export interface TopicSection<T> {
  topic: string;
  stories: T[];
}

/**
 * What the front page shows, each article once: `Summary` is what it has of
 * the articles it summarises (the lead and the latest), `T` of the others.
 */
export interface FrontPage<T, Summary = T> {
  /** The article at the top: one the newsroom marked to lead, while it does, or else the newest. */
  lead: Summary | undefined;
  /** The newest articles after the lead, newest first. */
  latest: Summary[];
  /** The busiest topics, busiest first, each with the stories it has left; none empty. */
  sections: TopicSection<T>[];
  /** The busiest topics, busiest first, whether or not a section of theirs is left: whose feeds the page offers. */
  busiestTopics: string[];
  /**
   * The month (`YYYY-MM`) of the oldest of the latest articles, where the
   * archive carries on from them; undefined when the page shows every article.
   */
  olderFrom: string | undefined;
}

/** Whether an article is marked to lead and its last day as lead has not passed at `moment`. */
export function leadsAt(fields: FrontPageFields, moment: Date): boolean {
  return fields.lead !== undefined && calendarDateAt(moment, fields.timezone) <= fields.lead.until;
}

/**
 * Chooses what the front page shows, from every article newest first, at
 * `moment` (the build's date: src/lib/build-date.ts). A marked article leads
 * while the day in its own zone is on or before its `until`; of several, the
 * newest. The busiest topics are those of the most articles among the newest
 * `busiestAmong`, which follows what the news is about now rather than over
 * the archive's whole life; ties go to the topic named first.
 */
export function chooseFrontPage<T>(
  articles: readonly T[],
  fieldsOf: (article: T) => FrontPageFields,
  moment: Date,
  counts: FrontPageCounts,
): FrontPage<T> {
  const lead = articles.find((article) => leadsAt(fieldsOf(article), moment)) ?? articles[0];
  const latest = articles.filter((article) => article !== lead).slice(0, counts.latest);
  const shown = new Set<T>(lead === undefined ? latest : [lead, ...latest]);

  const tally = new Map<string, number>();
  for (const article of articles.slice(0, counts.busiestAmong)) {
    for (const topic of fieldsOf(article).topics) tally.set(topic, (tally.get(topic) ?? 0) + 1);
  }
  const busiestTopics = [...tally]
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b, "en"))
    .slice(0, counts.topics)
    .map(([topic]) => topic);

  const sections: TopicSection<T>[] = [];
  for (const topic of busiestTopics) {
    const stories: T[] = [];
    for (const article of articles) {
      if (stories.length === counts.storiesPerTopic) break;
      if (!shown.has(article) && fieldsOf(article).topics.includes(topic)) stories.push(article);
    }
    for (const story of stories) shown.add(story);
    if (stories.length > 0) sections.push({ topic, stories });
  }

  const last = latest.at(-1) ?? lead;
  const olderFrom =
    last !== undefined && articles.length > latest.length + 1
      ? fieldsOf(last).published.slice(0, 7)
      : undefined;
  return { lead, latest, sections, busiestTopics, olderFrom };
}
