import { expect, test } from "vitest";
import { formatArticleCount, nameListParts } from "../../src/lib/name-list";

test("splits a name list into names and the words between them", () => {
  expect(nameListParts(["Robert Hutton", "Henry Meyer", "Ryan Chilcote"])).toEqual([
    { type: "name", value: "Robert Hutton" },
    { type: "text", value: ", " },
    { type: "name", value: "Henry Meyer" },
    { type: "text", value: ", and " },
    { type: "name", value: "Ryan Chilcote" },
  ]);
  expect(nameListParts(["Robert Hutton"])).toEqual([{ type: "name", value: "Robert Hutton" }]);
});

test("counts articles in words", () => {
  expect([0, 1, 2, 2015].map(formatArticleCount)).toEqual([
    "0 articles",
    "1 article",
    "2 articles",
    "2,015 articles",
  ]);
});
