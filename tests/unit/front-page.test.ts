import { describe, expect, test } from "vitest";
import {
  chooseFrontPage,
  leadsAt,
  type FrontPageCounts,
  type FrontPageFields,
} from "../../src/lib/front-page";

interface Story extends FrontPageFields {
  id: string;
}

/** A story of `published`, in UTC unless given a zone. */
const story = (id: string, published: string, fields: Partial<FrontPageFields> = {}): Story => ({
  id,
  published,
  timezone: "UTC",
  topics: [],
  ...fields,
});

const counts: FrontPageCounts = { latest: 3, topics: 2, storiesPerTopic: 2, busiestAmong: 100 };
const at = (iso: string) => new Date(iso);
const ids = (stories: readonly Story[]) => stories.map((s) => s.id);
const choose = (stories: Story[], moment = at("2026-12-06T12:00:00Z"), c = counts) =>
  chooseFrontPage(stories, (s) => s, moment, c);

describe("leadsAt", () => {
  const marked = story("a", "2026-12-01", { lead: { until: "2026-12-08" } });

  test("leads on every day up to and including its last", () => {
    expect(leadsAt(marked, at("2026-12-01T00:00:00Z"))).toBe(true);
    expect(leadsAt(marked, at("2026-12-08T23:59:59Z"))).toBe(true);
    expect(leadsAt(marked, at("2026-12-09T00:00:00Z"))).toBe(false);
  });

  test("ends its last day at midnight in the article's own zone", () => {
    const inTokyo = { ...marked, timezone: "Asia/Tokyo" };
    // 16:00 UTC on December 8 is already December 9 in Tokyo.
    expect(leadsAt(inTokyo, at("2026-12-08T14:59:00Z"))).toBe(true);
    expect(leadsAt(inTokyo, at("2026-12-08T16:00:00Z"))).toBe(false);
    const inNewYork = { ...marked, timezone: "America/New_York" };
    expect(leadsAt(inNewYork, at("2026-12-09T04:00:00Z"))).toBe(true);
  });

  test("never leads unmarked", () => {
    expect(leadsAt(story("b", "2026-12-06"), at("2026-12-06T00:00:00Z"))).toBe(false);
  });
});

describe("chooseFrontPage", () => {
  test("with no article, shows nothing", () => {
    expect(choose([])).toEqual({
      lead: undefined,
      latest: [],
      sections: [],
      busiestTopics: [],
      olderFrom: undefined,
    });
  });

  test("with one article, leads with it and shows it nowhere else", () => {
    const only = story("g20", "2015-11-15", { topics: ["G-20", "Russia"] });
    const page = choose([only]);
    expect(page.lead).toBe(only);
    expect(page.latest).toEqual([]);
    expect(page.sections).toEqual([]);
    expect(page.busiestTopics).toEqual(["G-20", "Russia"]);
    expect(page.olderFrom).toBeUndefined();
  });

  test("leads with the newest when none is marked, then the next newest", () => {
    const stories = ["e", "d", "c", "b", "a"].map((id, i) => story(id, `2026-11-0${5 - i}`));
    const page = choose(stories);
    expect(page.lead?.id).toBe("e");
    expect(ids(page.latest)).toEqual(["d", "c", "b"]);
    // The archive carries on from the month of the last shown.
    expect(page.olderFrom).toBe("2026-11");
  });

  test("leads with a marked article while it leads, then with the newest again", () => {
    const stories = [
      story("newest", "2026-12-05"),
      story("newer", "2026-12-04"),
      story("marked", "2026-12-01", { lead: { until: "2026-12-08" } }),
      story("old", "2026-11-20"),
    ];
    const during = choose(stories, at("2026-12-08T12:00:00Z"));
    expect(during.lead?.id).toBe("marked");
    expect(ids(during.latest)).toEqual(["newest", "newer", "old"]);
    const after = choose(stories, at("2026-12-09T12:00:00Z"));
    expect(after.lead?.id).toBe("newest");
    expect(ids(after.latest)).toEqual(["newer", "marked", "old"]);
  });

  test("of two marked articles that both lead, leads with the newer", () => {
    const stories = [
      story("plain", "2026-12-05"),
      story("newer mark", "2026-12-03", { lead: { until: "2026-12-10" } }),
      story("older mark", "2026-12-01", { lead: { until: "2026-12-31" } }),
    ];
    expect(choose(stories).lead?.id).toBe("newer mark");
    expect(choose(stories, at("2026-12-11T12:00:00Z")).lead?.id).toBe("older mark");
    expect(choose(stories, at("2027-01-01T12:00:00Z")).lead?.id).toBe("plain");
  });

  test("gives the busiest topics among the newest articles sections of stories not shown above", () => {
    const stories = [
      story("1", "2026-12-09", { topics: ["Trade"] }),
      story("2", "2026-12-08", { topics: ["Energy"] }),
      story("3", "2026-12-07", { topics: ["Trade", "Energy"] }),
      story("4", "2026-12-06", { topics: ["Energy"] }),
      story("5", "2026-12-05", { topics: ["Trade", "Energy"] }),
      story("6", "2026-12-04", { topics: ["Energy", "Labour"] }),
      story("7", "2026-12-03", { topics: ["Trade"] }),
      story("8", "2026-12-02", { topics: ["Labour"] }),
    ];
    const page = choose(stories);
    expect(page.lead?.id).toBe("1");
    expect(ids(page.latest)).toEqual(["2", "3", "4"]);
    // Energy 5, Trade 4, Labour 2.
    expect(page.busiestTopics).toEqual(["Energy", "Trade"]);
    expect(page.sections.map(({ topic, stories }) => [topic, ids(stories)])).toEqual([
      ["Energy", ["5", "6"]],
      // Story 5 is in Energy's section already: each article shows once.
      ["Trade", ["7"]],
    ]);
  });

  test("counts topics only among the newest `busiestAmong`, ties going to the name first in order", () => {
    const stories = [
      story("1", "2026-12-09", { topics: ["Zinc"] }),
      story("2", "2026-12-08", { topics: ["Apples"] }),
      story("3", "2025-01-01", { topics: ["Old News"] }),
      story("4", "2025-01-01", { topics: ["Old News"] }),
    ];
    const page = choose(stories, undefined, { ...counts, busiestAmong: 2 });
    expect(page.busiestTopics).toEqual(["Apples", "Zinc"]);
  });

  test("leaves out a topic's section when every story of it is shown above", () => {
    const stories = [
      story("1", "2026-12-09", { topics: ["Trade"] }),
      story("2", "2026-12-08", { topics: ["Trade"] }),
    ];
    const page = choose(stories);
    expect(page.busiestTopics).toEqual(["Trade"]);
    expect(page.sections).toEqual([]);
    expect(page.olderFrom).toBeUndefined();
  });

  test("stays the same size however many articles there are", () => {
    const stories = Array.from({ length: 100_000 }, (_, i) =>
      story(String(i), `20${String(26 - Math.floor(i / 10_000)).padStart(2, "0")}-01-01`, {
        topics: [`Topic ${i % 7}`, `Topic ${i % 11}`],
      }),
    );
    const page = choose(stories);
    expect(page.latest).toHaveLength(counts.latest);
    expect(page.busiestTopics).toHaveLength(counts.topics);
    expect(page.sections.flatMap((section) => section.stories)).toHaveLength(
      counts.topics * counts.storiesPerTopic,
    );
  });
});
