import { describe, expect, test } from "vitest";
import { articleDescription } from "../../src/lib/description";
import { formatNameList } from "../../src/lib/name-list";
import { compareNewestFirst } from "../../src/lib/order";

describe("articleDescription", () => {
  test("falls back to the bullets as sentences", () => {
    expect(
      articleDescription({ bullets: ["Meeting on summit sideline", "Russia seeks collaboration"] }),
    ).toBe("Meeting on summit sideline. Russia seeks collaboration.");
  });

  test("does not double a bullet's own end punctuation", () => {
    expect(articleDescription({ bullets: ["Is it over?", "Yes."] })).toBe("Is it over? Yes.");
  });

  test("prefers the editor's description", () => {
    expect(articleDescription({ description: "Own words.", bullets: ["x"] })).toBe("Own words.");
  });
});

describe("formatNameList", () => {
  test("joins contributors as the source credits them", () => {
    expect(
      formatNameList(["Robert Hutton", "Henry Meyer", "Ryan Chilcote", "Stepan Kravchenko"]),
    ).toBe("Robert Hutton, Henry Meyer, Ryan Chilcote, and Stepan Kravchenko");
    expect(formatNameList(["A", "B"])).toBe("A and B");
    expect(formatNameList(["A"])).toBe("A");
  });
});

describe("compareNewestFirst", () => {
  test("puts the newest first and orders one day's articles by headline", () => {
    const articles = [
      { headline: "B", published: "2015-11-15" },
      { headline: "C", published: "2014-01-01" },
      { headline: "A", published: "2015-11-15" },
      { headline: "D", published: "2016-02-29" },
    ];
    expect(articles.sort(compareNewestFirst).map((a) => a.headline)).toEqual(["D", "A", "B", "C"]);
  });
});
