import { describe, expect, test } from "vitest";
import {
  changesText,
  collapseRemovedFolders,
  NO_CHANGES,
  parseChanges,
} from "../../src/lib/site-changes";

describe("the changes file", () => {
  const changes = {
    added: ["articles/2016-04-02/vienna/index.html", "articles/2016-04-02/vienna/card.png"],
    changed: ["index.html", "rss.xml"],
    removed: ["articles/2014-01-02/day-2/", "topics/russia/page/3/index.html"],
  };

  test("is one line a file, its status and path with a tab between, in path order", () => {
    expect(changesText(changes)).toBe(
      "D\tarticles/2014-01-02/day-2/\n" +
        "A\tarticles/2016-04-02/vienna/card.png\n" +
        "A\tarticles/2016-04-02/vienna/index.html\n" +
        "M\tindex.html\n" +
        "M\trss.xml\n" +
        "D\ttopics/russia/page/3/index.html\n",
    );
  });

  test("reads back as what was written", () => {
    expect(parseChanges(changesText(changes))).toEqual({
      added: [...changes.added].sort(),
      changed: changes.changed,
      removed: changes.removed,
    });
  });

  test("is empty when nothing changed", () => {
    expect(changesText(NO_CHANGES)).toBe("");
    expect(parseChanges("")).toEqual(NO_CHANGES);
  });

  test("refuses a line it did not write", () => {
    expect(() => parseChanges("R\tindex.html\n")).toThrow(
      'Not a line of a changes file: "R\\tindex.html"',
    );
  });
});

describe("collapseRemovedFolders", () => {
  const gone = new Set(["articles/2014-01-02/day-2", "articles/2014-01-02", "tags"]);
  const asked: string[] = [];
  const isGone = (folder: string) => {
    asked.push(folder);
    return gone.has(folder);
  };

  test("names the outermost folder gone in place of the files under it, and keeps the other files", () => {
    expect(
      collapseRemovedFolders(
        [
          "articles/2014-01-02/day-2/index.html",
          "articles/2014-01-02/day-2/card.png",
          "articles/2015-11-15/putin/old.html",
          "tags/a/index.html",
          "tags/b/index.html",
          "robots.txt",
        ],
        isGone,
      ),
    ).toEqual([
      "articles/2014-01-02/",
      "articles/2015-11-15/putin/old.html",
      "robots.txt",
      "tags/",
    ]);
    // Each folder is asked about once.
    expect(asked.length).toBe(new Set(asked).size);
  });
});
