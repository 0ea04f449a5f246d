import { describe, expect, test } from "vitest";
import { keepPages, keptPageFacts } from "../../src/publisher/manifest";
import type { PageHeadFacts } from "../../src/publishing/html-files";

describe("the pages' head facts a manifest keeps", () => {
  const policy = "default-src 'self'; script-src 'sha256-abc='";
  const pages: PageHeadFacts[] = [
    { path: "index.html", noindex: false, policy },
    {
      path: "articles/2015-11-15/putin/index.html",
      noindex: false,
      policy,
      article: {
        title: "Putin Goes From G-20 Pariah to Player",
        published: "2015-11-15T17:32:00+02:00",
        siteName: "Broadsheet",
        language: "en",
      },
    },
    { path: "404.html", noindex: true, policy: "default-src 'none'" },
    { path: "old/index.html", noindex: true, policy: undefined },
  ];

  test("come back as they were read", () => {
    const kept = JSON.parse(JSON.stringify(keepPages(pages))) as ReturnType<typeof keepPages>;
    expect(keptPageFacts(kept)).toEqual(pages);
  });

  test("hold each policy once, however many pages have it", () => {
    const many = Array.from({ length: 1000 }, (_, index) => ({
      ...pages[0]!,
      path: `${index}.html`,
    }));
    expect(keepPages(many).policies).toEqual([policy]);
    expect(keepPages(pages).policies).toEqual([policy, "default-src 'none'"]);
  });
});
