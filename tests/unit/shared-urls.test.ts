import { expect, test } from "vitest";
import { findSharedUrls } from "../../src/content/checks/shared-urls";

const article = (file: string, headline: string, published = "2015-11-15", slug?: string) => ({
  file,
  data: { headline, published, ...(slug !== undefined && { slug }) },
});

test("finds two articles whose URLs would be the same, naming both files", () => {
  expect(
    findSharedUrls([
      article("content/articles/b.md", "Putin Meets Obama"),
      article("content/articles/a.md", "Putin meets Obama!"),
    ]),
  ).toEqual([
    {
      file: "content/articles/b.md",
      message:
        "would have the same URL as content/articles/a.md (/articles/2015-11-15/putin-meets-obama/): give one of them its own `slug`",
    },
  ]);
});

test("counts a pinned slug like one made from the headline", () => {
  expect(
    findSharedUrls([article("a.md", "One", "2015-11-15", "talks"), article("b.md", "Talks")]),
  ).toHaveLength(1);
});

test("lets the same slug live on different days", () => {
  expect(
    findSharedUrls([
      article("a.md", "Talks", "2015-11-15"),
      article("b.md", "Talks", "2015-11-16"),
    ]),
  ).toEqual([]);
});

test("reports each extra article of a larger clash once", () => {
  const found = findSharedUrls([article("c.md", "X"), article("a.md", "X"), article("b.md", "X")]);
  expect(found.map(({ file }) => file)).toEqual(["b.md", "c.md"]);
  expect(found.every(({ message }) => message.includes("a.md"))).toBe(true);
});

test("keeps only the clashes of one file when asked", () => {
  const entries = [
    article("a.md", "X"),
    article("b.md", "X"),
    article("c.md", "Y"),
    article("d.md", "Y"),
  ];
  expect(findSharedUrls(entries, { involving: "a.md" }).map(({ file }) => file)).toEqual(["b.md"]);
  expect(findSharedUrls(entries, { involving: "d.md" }).map(({ file }) => file)).toEqual(["d.md"]);
});

const moved = (
  file: string,
  headline: string,
  formerSlugs: string[],
  published = "2015-11-15",
) => ({
  file,
  data: { headline, published, formerSlugs },
});

test("takes an article's former URLs as its own: another article may not have one", () => {
  expect(
    findSharedUrls([
      article("content/articles/a.md", "Putin Meets Obama"),
      moved("content/articles/b.md", "Talks in Antalya", ["putin-meets-obama"]),
    ]),
  ).toEqual([
    {
      file: "content/articles/b.md",
      message:
        "`formerSlugs` lists “putin-meets-obama”, but /articles/2015-11-15/putin-meets-obama/ is the URL of content/articles/a.md: its old links must not lead elsewhere; take it out of `formerSlugs`",
    },
  ]);
});

test("blames the former slug, not the article whose URL it is, whichever file sorts first", () => {
  const found = findSharedUrls([
    moved("a.md", "Talks in Antalya", ["putin-meets-obama"]),
    article("b.md", "Putin Meets Obama"),
  ]);
  expect(found.map(({ file }) => file)).toEqual(["a.md"]);
  expect(found[0]?.message).toContain("is the URL of b.md");
});

test("lets only one article list a former URL, naming both files", () => {
  expect(
    findSharedUrls([
      moved("content/articles/b.md", "Talks in Antalya", ["putin-meets-obama"]),
      moved("content/articles/a.md", "Putin and Obama Talk", ["putin-meets-obama"]),
    ]),
  ).toEqual([
    {
      file: "content/articles/b.md",
      message:
        "`formerSlugs` lists “putin-meets-obama”, which content/articles/a.md lists too (/articles/2015-11-15/putin-meets-obama/): an old URL can lead to one article only; keep it in one of them",
    },
  ]);
});

test("lets a former slug be another day's URL, and leaves an article's own list to the schema", () => {
  expect(
    findSharedUrls([
      article("a.md", "Putin Meets Obama", "2015-11-16"),
      moved("b.md", "Talks in Antalya", ["putin-meets-obama", "putin-meets-obama"]),
      moved("c.md", "Talks", ["talks"]),
    ]),
  ).toEqual([]);
});

test("keeps a former URL's clash when asked for either file", () => {
  const entries = [article("a.md", "X"), moved("b.md", "Y", ["x"]), article("c.md", "Z")];
  expect(findSharedUrls(entries, { involving: "a.md" }).map(({ file }) => file)).toEqual(["b.md"]);
  expect(findSharedUrls(entries, { involving: "b.md" }).map(({ file }) => file)).toEqual(["b.md"]);
  expect(findSharedUrls(entries, { involving: "c.md" })).toEqual([]);
});
