import { describe, expect, inject, test } from "vitest";
import { SEARCH_EXCLUDED } from "../../src/publishing/search-bundle";
import { loadPage, readableText } from "../support/html";
import { fixtureArticlePaths, g20Path, newerArticles } from "../support/publishing-fixture";

/*
 * After its text, an article lists earlier articles on its topics: in the
 * publishing build (53 articles under /reader/), the authored article
 * (2016-03-01, Russia and Syrian War) lists the G-20 article (2015-11-15),
 * which shares both; the G-20 article, the first on its topics, lists none.
 */

const reader = (path: string) => loadPage(inject("subpathDistDir"), `${path}index.html`);
const g20Headline = "Putin Goes From G-20 Pariah to Player at Obama Turkey Talk";

describe("earlier stories on an article's topics", () => {
  test("lists the earlier article that shares its topics, linked under the base, with its date", async () => {
    const $ = await reader(newerArticles.authored.path);
    const aside = $("aside.earlier");
    expect(aside).toHaveLength(1);
    expect(aside.attr("aria-labelledby")).toBe("earlier-heading");
    expect(readableText($("#earlier-heading").text())).toBe("Earlier on these topics");
    const items = aside.find("li");
    expect(items).toHaveLength(1);
    expect(readableText(items.find("a").text())).toBe(g20Headline);
    expect(items.find("a").attr("href")).toBe(`/reader/${g20Path}`);
    expect(items.find("time").attr("datetime")).toBe("2015-11-15");
    expect(readableText(items.find("time").text())).toBe("November 15, 2015");
  });

  test("is kept out of the search index, whose pages it would otherwise tie together", async () => {
    const $ = await reader(newerArticles.authored.path);
    const aside = $("aside.earlier");
    expect(aside.closest("[data-pagefind-body]")).toHaveLength(1);
    expect(SEARCH_EXCLUDED.some((selector) => aside.is(selector))).toBe(true);
  });

  test("never lists an article of the same day or later, on any page", async () => {
    let lists = 0;
    for (const path of fixtureArticlePaths) {
      const $ = await reader(path);
      const day = /articles\/(\d{4}-\d{2}-\d{2})\//.exec(path)![1]!;
      const dates = $("aside.earlier time")
        .map((_, time) => $(time).attr("datetime"))
        .get();
      if (dates.length > 0) lists++;
      for (const date of dates)
        expect(date < day, `${path} lists an article of ${date}`).toBe(true);
    }
    // Only the authored article has an earlier one on its topics.
    expect(lists).toBe(1);
    expect((await reader(g20Path))("aside.earlier")).toHaveLength(0);
  });
});
