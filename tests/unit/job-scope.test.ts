import { describe, expect, test } from "vitest";
import { parseBuildScope } from "../../src/lib/job-scope";

describe("parseBuildScope", () => {
  test("reads each kind of scope", () => {
    const story = {
      headline: "Older",
      path: "articles/2015-11-10/older/",
      published: "2015-11-10",
      timezone: "Europe/Istanbul",
    };
    const articles = { pages: "articles", files: ["a.md"], related: { a: [story] } };
    expect(parseBuildScope(JSON.stringify(articles))).toEqual(articles);
    expect(parseBuildScope('{"pages":"all","related":{}}')).toEqual({ pages: "all", related: {} });
    const site = { pages: "site", made: ["site", "topic:russia/2015-11-10"] };
    expect(parseBuildScope(JSON.stringify(site))).toEqual(site);
    const siteAndArticles = {
      ...site,
      index: "/site.index.json",
      articles: { ids: ["a"], related: { a: [story] } },
    };
    expect(parseBuildScope(JSON.stringify(siteAndArticles))).toEqual(siteAndArticles);
  });

  test.each([
    ['{"pages":"articles"}', '`pages` must be "articles" (with `files`)'],
    ['{"pages":"articles","files":[1]}', '`pages` must be "articles" (with `files`)'],
    ['{"pages":"everything"}', "`pages` must be"],
    ['{"pages":"site","made":"topic:russia"}', "`made` must list the page keys"],
    ['{"pages":"site","made":[1]}', "`made` must list the page keys"],
    ['{"pages":"all","related":{},"made":[]}', 'go with "site" only'],
    ['{"pages":"all","related":{},"articles":{"ids":[],"related":{}}}', 'go with "site" only'],
    ['{"pages":"site","articles":{"ids":[1],"related":{}}}', "`articles` needs `ids`"],
    ['{"pages":"site","articles":{"ids":["a"]}}', "`related` must give each article's"],
    ['{"pages":"site","index":{"a.md":"5d41402a"}}', "`index` must be a path"],
    ['{"pages":"all","related":{},"index":"/i.json"}', 'go with "site" only'],
    ['{"pages":"articles","files":["a.md"]}', "`related` must give each article's earlier stories"],
    ['{"pages":"all","related":{"a":{}}}', "`related` must give each article's earlier stories"],
    ["null", "`pages` must be"],
  ])("refuses %s, which would build the wrong pages", (json, message) => {
    expect(() => parseBuildScope(json)).toThrow(message);
  });
});
