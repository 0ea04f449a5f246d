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
