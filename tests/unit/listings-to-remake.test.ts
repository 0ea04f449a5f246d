import { describe, expect, test } from "vitest";
import { seededRandom } from "../../src/cli/synthetic-articles";
import { listingsToRemake } from "../../src/lib/listings-to-remake";
import { articlePageKeys, pageKey, SITE_KEY } from "../../src/lib/page-keys";
import { periodPages } from "../../src/lib/periods";
import { topicPath } from "../../src/lib/site-urls";

/*
 * The listings a change makes again must hold every topic's page that
 * changed, appeared or went: checked against the pages themselves, drawn
 * by periodPages before and after random changes.
 */

interface Story {
  published: string;
  topics: string[];
}

type Archive = Map<string, Story>;

const keysOf = (id: string, { published, topics }: Story) =>
  articlePageKeys({
    headline: id,
    published,
    topics,
    byline: { authors: [], contributors: [] },
  });

/** Every topic's pages, by page key, each as what it shows. */
function topicPages(archive: Archive, limit: number): Map<string, string> {
  const pages = new Map<string, string>();
  const topics = new Set([...archive.values()].flatMap(({ topics }) => topics));
  for (const topic of topics) {
    const items = [...archive]
      .filter(([, story]) => story.topics.includes(topic))
      .sort(([a, x], [b, y]) =>
        x.published === y.published ? (a < b ? -1 : 1) : x.published < y.published ? 1 : -1,
      );
    for (const page of periodPages(items, ([, story]) => story.published, { limit })) {
      pages.set(
        pageKey(topicPath(topic, page.period)),
        JSON.stringify({ ...page, items: page.listsItems ? page.items.map(([id]) => id) : [] }),
      );
    }
  }
  return pages;
}

/** The keys of the pages that differ between two sets of pages, or are in one only. */
function changedPages(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter(
    (key) => before.get(key) !== after.get(key),
  );
}

/** What the listings process is told, and what it knows, after the archive went from `before` to `after`. */
function remade(before: Archive, after: Archive, limit: number): Set<string> {
  const changed = [...after].filter(
    ([id, story]) => JSON.stringify(before.get(id)) !== JSON.stringify(story),
  );
  const deleted = [...before.keys()].filter((id) => !after.has(id));
  const previousKeys = [...changed.map(([id]) => id), ...deleted].flatMap((id) => {
    const story = before.get(id);
    return story ? keysOf(id, story) : [];
  });
  return new Set(
    listingsToRemake(
      Object.fromEntries([...after].map(([id, story]) => [id, keysOf(id, story)])),
      {
        ids: changed.map(([id]) => id),
        previousKeys: [...new Set(previousKeys)],
        deleted: deleted.length,
      },
      limit,
    ),
  );
}

const TOPICS = ["Russia", "Syria", "Trade"];

function randomStory(random: () => number): Story {
  const year = 2014 + Math.floor(random() * 3);
  const month = 1 + Math.floor(random() * 3);
  const day = 1 + Math.floor(random() * 3);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    published: `${year}-${pad(month)}-${pad(day)}`,
    topics: TOPICS.filter(() => random() < 0.6),
  };
}

describe("listingsToRemake", () => {
  test("names every topic page that changes, appears or goes, through 1,000 random changes", () => {
    const random = seededRandom(23);
    const limit = 4;
    let archive: Archive = new Map();
    let next = 0;
    let resplits = 0;
    for (let step = 0; step < 1_000; step++) {
      const after: Archive = new Map(archive);
      // One to three changes at once: new, edited, moved or deleted articles.
      for (let change = 0, count = 1 + Math.floor(random() * 3); change < count; change++) {
        const ids = [...after.keys()];
        const pick = ids[Math.floor(random() * ids.length)];
        const roll = random();
        // About 30 articles, on 3 topics over 27 days, cross a limit of 4 often.
        if (pick === undefined || roll < (after.size < 30 ? 0.5 : 0.25))
          after.set(`a${next++}`, randomStory(random));
        else if (roll < 0.75) after.delete(pick);
        else after.set(pick, randomStory(random));
      }
      const [pagesBefore, pagesAfter] = [topicPages(archive, limit), topicPages(after, limit)];
      const made = remade(archive, after, limit);
      const missing = changedPages(pagesBefore, pagesAfter).filter((key) => !made.has(key));
      expect(missing, `step ${step}`).toEqual([]);
      const shapes = (pages: Map<string, string>) =>
        [...pages]
          .filter(([, page]) => !JSON.parse(page).listsItems)
          .map(([key]) => key)
          .join();
      if (shapes(pagesBefore) !== shapes(pagesAfter)) resplits++;
      archive = after;
    }
    // The changes carried periods across the limit, both ways, many times.
    expect(resplits).toBeGreaterThan(50);
  });

  test("after one new article in a long list, makes its pages of each period, the archive's and the site's, and no other", () => {
    const archive: Archive = new Map();
    const random = seededRandom(7);
    for (let id = 0; id < 500; id++) {
      archive.set(`a${id}`, { ...randomStory(random), topics: ["Russia"] });
    }
    const after = new Map(archive).set("new", { published: "2015-02-02", topics: ["Russia"] });
    expect([...remade(archive, after, 100)]).toEqual(
      [
        SITE_KEY,
        "article:2015-02-02/new",
        "archive:2015",
        "archive:2015-02",
        "archive:2015-02-02",
        "search:2015",
        "topic:russia",
        "topic:russia/2015",
        "topic:russia/2015-02",
        "topic:russia/2015-02-02",
      ].sort(),
    );
  });

  test("makes every page below a period whose count crossed the limit", () => {
    const archive: Archive = new Map();
    for (let day = 1; day <= 4; day++) {
      archive.set(`a${day}`, { published: `2015-0${day}-01`, topics: ["Syria"] });
    }
    const after = new Map(archive).set("new", { published: "2016-01-01", topics: ["Syria"] });
    // Five articles: the list's first page now lists its two years, and 2015 its four months.
    const made = remade(archive, after, 4);
    expect([...made].filter((key) => key.startsWith("topic:"))).toEqual(
      [
        "topic:syria",
        "topic:syria/2015",
        ...["01", "02", "03", "04"].flatMap((month) => [
          `topic:syria/2015-${month}`,
          `topic:syria/2015-${month}-01`,
        ]),
        "topic:syria/2016",
        "topic:syria/2016-01",
        "topic:syria/2016-01-01",
      ].sort(),
    );
  });
});
