import { describe, expect, test } from "vitest";
import { parseBuildScope } from "../../src/lib/job-scope";

describe("parseBuildScope", () => {
  test("reads each kind of scope", () => {
    expect(parseBuildScope('{"pages":"articles","files":["a.md"]}')).toEqual({
      pages: "articles",
      files: ["a.md"],
    });
    expect(parseBuildScope('{"pages":"articles","files":["a.md"],"keysFile":"/k"}')).toEqual({
      pages: "articles",
      files: ["a.md"],
      keysFile: "/k",
    });
    expect(parseBuildScope('{"pages":"all","keysFile":"/k.json"}')).toEqual({
      pages: "all",
      keysFile: "/k.json",
    });
    const site = {
      pages: "site",
      changed: { ids: ["a"], previousKeys: ["topic:russia"] },
      keysFile: "/k",
    };
    expect(parseBuildScope(JSON.stringify(site))).toEqual(site);
  });

  test.each([
    ['{"pages":"articles"}', '`pages` must be "articles" (with `files`)'],
    ['{"pages":"articles","files":[1]}', '`pages` must be "articles" (with `files`)'],
    ['{"pages":"everything"}', "`pages` must be"],
    ['{"pages":"site","changed":{"ids":["a"]}}', "`changed` needs `ids` and `previousKeys`"],
    ['{"pages":"all","changed":{"ids":[],"previousKeys":[]}}', '`changed` goes with "site" only'],
    ['{"pages":"site","keysFile":3}', "`keysFile` must be a path"],
    ['{"pages":"articles","files":[],"keysFile":3}', "`keysFile` must be a path"],
    ["null", "`pages` must be"],
  ])("refuses %s, which would build the wrong pages", (json, message) => {
    expect(() => parseBuildScope(json)).toThrow(message);
  });
});
