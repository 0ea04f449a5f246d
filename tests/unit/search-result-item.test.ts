// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import type { ResultData } from "../../src/search/pagefind";
import { element, resultItem } from "../../src/search/result-item";

const talks: ResultData = {
  url: "/articles/2015-11-15/putin-g20/",
  meta: {
    title: "Putin Goes From G-20 Pariah to Player",
    date: "2015-11-15",
    summary: "The Russian president met Obama in Antalya.",
  },
  sub_results: [],
};

describe("resultItem", () => {
  test("links the headline, and gives the date for readers and machines, and the summary", () => {
    expect(resultItem(talks).outerHTML).toBe(
      '<li class="search-result">' +
        '<h3><a href="/articles/2015-11-15/putin-g20/">Putin Goes From G-20 Pariah to Player</a></h3>' +
        '<p class="search-date"><time datetime="2015-11-15">November 15, 2015</time></p>' +
        '<p class="search-summary">The Russian president met Obama in Antalya.</p>' +
        "</li>",
    );
  });

  test("reads a calendar date in UTC, so a reader west of UTC sees the same day", () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      // The check that the zone took: midnight UTC is the day before there.
      expect(new Date("2015-01-01").getDate()).toBe(31);
      const item = resultItem({ ...talks, meta: { date: "2015-01-01" } });
      expect(item.querySelector("time")!.textContent).toBe("January 1, 2015");
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  test("falls back to the URL for a headline, and leaves out a date it cannot read and a summary it lacks", () => {
    expect(resultItem({ url: "/a/", meta: { date: "15 Smarch" }, sub_results: [] }).outerHTML).toBe(
      '<li class="search-result"><h3><a href="/a/">/a/</a></h3></li>',
    );
  });

  test("lists the sections that matched, those starting at a heading with an id, with their excerpts", () => {
    const item = resultItem({
      ...talks,
      meta: { title: "Talks" },
      sub_results: [
        { title: "Talks", url: "/t/", excerpt: "the <mark>talks</mark> began" },
        {
          title: "Assad's future",
          url: "/t/#assads-future",
          excerpt: "on <mark>Assad</mark>'s <mark>future</mark>",
          anchor: { element: "h2", id: "assads-future" },
        },
      ],
    });
    expect(item.querySelector(".search-sections")!.outerHTML).toBe(
      '<ul class="search-sections"><li>' +
        '<a href="/t/#assads-future">Assad\'s future</a>' +
        "<p>on <mark>Assad</mark>'s <mark>future</mark></p>" +
        "</li></ul>",
    );
  });

  test("takes nothing in an excerpt as markup but its marks", () => {
    const item = resultItem({
      ...talks,
      sub_results: [
        {
          title: "<b>Bold</b>",
          url: "/t/#s",
          excerpt:
            '&lt;script&gt; <b>bold</b> <img src="x" onerror="alert(1)"><mark class="x" onclick="alert(1)">talks</mark>',
          anchor: { element: "h2", id: "s" },
        },
      ],
    });
    expect(item.querySelector(".search-sections li")!.innerHTML).toBe(
      '<a href="/t/#s">&lt;b&gt;Bold&lt;/b&gt;</a><p>&lt;script&gt; bold <mark>talks</mark></p>',
    );
  });
});

describe("element", () => {
  test("makes an element with its class and children, and no class attribute when the class is empty", () => {
    expect(element("p", "note", "a ", element("em", "", "b")).outerHTML).toBe(
      '<p class="note">a <em>b</em></p>',
    );
  });
});
