import { describe, expect, test } from "vitest";
import { findPageNameClashes, similarTopics } from "../../src/content/checks/page-names";

const tagged = (file: string, topics: string[]) => ({ file, data: { topics } });
const signed = (file: string, authors: string[], contributors: string[] = []) => ({
  file,
  data: { byline: { authors, contributors } },
});

describe("similarTopics", () => {
  test("takes names with one page address for one topic", () => {
    expect(similarTopics("Syrian war", "Syrian War")).toBe(true);
    expect(similarTopics("G20", "G-20")).toBe(true);
  });

  test("takes a typo of a longer name for it", () => {
    expect(similarTopics("Rusia", "Russia")).toBe(true);
    expect(similarTopics("Islamic Sate", "Islamic State")).toBe(true);
    expect(similarTopics("Central Bnaks", "Central Banks")).toBe(true);
  });

  test("keeps apart short names and names more than a typo apart", () => {
    expect(similarTopics("Iran", "Iraq")).toBe(false);
    expect(similarTopics("G-7", "G-20")).toBe(false);
    expect(similarTopics("Syria", "Serbia")).toBe(false);
    expect(similarTopics("Austria", "Australia")).toBe(false);
    expect(similarTopics("Trade", "Energy")).toBe(false);
  });
});

describe("findPageNameClashes", () => {
  test("reports a topic written like one other articles use, with a file that has it", () => {
    expect(
      findPageNameClashes([
        tagged("a.md", ["Syrian War", "Russia"]),
        tagged("b.md", ["Syrian War", "Russia"]),
        tagged("c.md", ["Syrian war", "Rusia"]),
      ]),
    ).toEqual([
      { file: "c.md", message: "`topics` has “Rusia” — did you mean “Russia”, as a.md has it?" },
      {
        file: "c.md",
        message: "`topics` has “Syrian war” — did you mean “Syrian War”, as a.md has it?",
      },
    ]);
  });

  test("on a tie, reports the spelling that came later, and only one file's when asked", () => {
    const entries = [
      { file: "a.md", data: { published: "2015-11-16", topics: ["Rusia"] } },
      { file: "b.md", data: { published: "2015-11-15", topics: ["Russia"] } },
    ];
    expect(findPageNameClashes(entries)).toEqual([
      { file: "a.md", message: "`topics` has “Rusia” — did you mean “Russia”, as b.md has it?" },
    ]);
    expect(findPageNameClashes(entries, { involving: "b.md" })).toEqual([]);
  });

  test("reports two spellings of a name that would share a person's page", () => {
    expect(
      findPageNameClashes([
        signed("a.md", ["José García"]),
        signed("b.md", ["José García"]),
        signed("c.md", [], ["Jose Garcia"]),
      ]),
    ).toEqual([
      {
        file: "c.md",
        message:
          "`byline.contributors` has “Jose Garcia”, whose page would be the same as that of “José García” in a.md (/people/jose-garcia/): write the name the same way in both",
      },
    ]);
  });

  test("lets people with close but different names keep their own pages", () => {
    expect(
      findPageNameClashes([signed("a.md", ["Jon Smith"]), signed("b.md", ["John Smith"])]),
    ).toEqual([]);
  });

  test("finds nothing in an archive that writes each name one way", () => {
    expect(
      findPageNameClashes([
        {
          file: "a.md",
          data: {
            topics: ["Russia", "Syrian War"],
            byline: { authors: [], contributors: ["Robert Hutton"] },
          },
        },
        {
          file: "b.md",
          data: { topics: ["Russia", "Iran", "Iraq"], byline: { authors: ["Robert Hutton"] } },
        },
      ]),
    ).toEqual([]);
  });
});
