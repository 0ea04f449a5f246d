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
    expect(
      parseBuildScope('{"pages":"articles","files":["a.md"],"related":{},"keysFile":"/k"}'),
    ).toEqual({
      pages: "articles",
      files: ["a.md"],
      related: {},
      keysFile: "/k",
    });
    expect(parseBuildScope('{"pages":"all","related":{},"keysFile":"/k.json"}')).toEqual({
      pages: "all",
      related: {},
      keysFile: "/k.json",
    });
    const site = {
      pages: "site",
      changed: { ids: ["a"], previousKeys: ["topic:russia"], deleted: 1 },
      keysFile: "/k",
    };
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
    ['{"pages":"site","changed":{"ids":["a"]}}', "`changed` needs `ids` and `previousKeys`"],
    ['{"pages":"site","changed":{"ids":["a"],"previousKeys":[]}}', "and `deleted`, a count"],
    [
      '{"pages":"site","changed":{"ids":["a"],"previousKeys":[],"deleted":-1}}',
      "and `deleted`, a count",
    ],
    ['{"pages":"all","changed":{"ids":[],"previousKeys":[],"deleted":0}}', 'go with "site" only'],
    ['{"pages":"all","related":{},"articles":{"ids":[],"related":{}}}', 'go with "site" only'],
    ['{"pages":"site","articles":{"ids":[1],"related":{}}}', "`articles` needs `ids`"],
    ['{"pages":"site","articles":{"ids":["a"]}}', "`related` must give each article's"],
    ['{"pages":"site","index":{"a.md":"5d41402a"}}', "`index` must be a path"],
    ['{"pages":"all","related":{},"index":"/i.json"}', 'go with "site" only'],
    ['{"pages":"site","keysFile":3}', "`keysFile` must be a path"],
    ['{"pages":"articles","files":[],"keysFile":3}', "`keysFile` must be a path"],
    ['{"pages":"articles","files":["a.md"]}', "`related` must give each article's earlier stories"],
    ['{"pages":"all","related":{"a":{}}}', "`related` must give each article's earlier stories"],
    ["null", "`pages` must be"],
  ])("refuses %s, which would build the wrong pages", (json, message) => {
    expect(() => parseBuildScope(json)).toThrow(message);
  });
});
