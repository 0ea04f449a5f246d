import { describe, expect, test } from "vitest";
import { relatedStories, type StoryFields } from "../../src/lib/related-stories";

const story = (
  headline: string,
  published: string,
  topics: string[],
  extra: Partial<StoryFields> = {},
): StoryFields => ({ headline, published, timezone: "Europe/Istanbul", topics, ...extra });

const titles = (related: Map<string, { headline: string }[]>, id: string) =>
  (related.get(id) ?? []).map(({ headline }) => headline);

describe("relatedStories", () => {
  test("lists only articles of an earlier day that share a topic, newest first", () => {
    const related = relatedStories(
      new Map([
        ["a", story("Oldest", "2015-11-01", ["Russia"])],
        ["b", story("Older", "2015-11-10", ["Russia", "Syria"])],
        ["c", story("Same day", "2015-11-15", ["Russia"])],
        ["d", story("Now", "2015-11-15", ["Russia"])],
        ["e", story("Later", "2015-11-20", ["Russia"])],
        ["f", story("Elsewhere", "2015-11-12", ["Economy"])],
      ]),
    );
    expect(titles(related, "d")).toEqual(["Older", "Oldest"]);
    expect(titles(related, "c")).toEqual(["Older", "Oldest"]);
    expect(titles(related, "e")).toEqual(["Now", "Same day", "Older"]);
    expect(related.has("a")).toBe(false);
    expect(related.has("f")).toBe(false);
  });

  test("puts the stories that share more topics first, and stops at three", () => {
    const related = relatedStories(
      new Map([
        ["a", story("Both, old", "2015-01-01", ["Russia", "Syria"])],
        ["b", story("Russia 1", "2015-02-01", ["Russia"])],
        ["c", story("Russia 2", "2015-03-01", ["Russia"])],
        ["d", story("Russia 3", "2015-04-01", ["Russia"])],
        ["e", story("Syria 1", "2015-05-01", ["Syria"])],
        ["f", story("Now", "2015-06-01", ["Russia", "syria"])],
      ]),
    );
    expect(titles(related, "f")).toEqual(["Both, old", "Syria 1", "Russia 3"]);
  });

  test("gives each story its page's path and its date in its own zone", () => {
    const related = relatedStories(
      new Map([
        ["a", story("Putin & Obama: Talks", "2015-11-15", ["G-20"], { slug: "putin-talks" })],
        ["b", story("After", "2015-11-16", ["G-20"])],
      ]),
    );
    expect(related.get("b")).toEqual([
      {
        headline: "Putin & Obama: Talks",
        path: "articles/2015-11-15/putin-talks/",
        published: "2015-11-15",
        timezone: "Europe/Istanbul",
      },
    ]);
  });

  test("never lists a draft, and does not depend on the order articles come in", () => {
    const entries: [string, StoryFields][] = [
      ["a", story("Draft", "2015-11-14", ["Russia"], { draft: true })],
      ["b", story("Published", "2015-11-13", ["Russia"])],
      ["c", story("Second of the day", "2015-11-13", ["Russia"])],
      ["d", story("Now", "2015-11-15", ["Russia"])],
    ];
    const forward = relatedStories(new Map(entries));
    const backward = relatedStories(new Map([...entries].reverse()));
    expect(titles(forward, "d")).toEqual(["Published", "Second of the day"]);
    expect(backward).toEqual(forward);
  });
});
