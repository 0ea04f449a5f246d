// @vitest-environment jsdom
/*
 * The search page's program (src/search/panel.ts) run on the panel's markup
 * in jsdom, against a Pagefind made up here: a year's index is a list of
 * pages with their words. What the reader sees (the status sentence, the
 * years' headings, the results) and what goes in the URL, without a build or
 * a browser; tests/browser/search*.test.ts run the real Pagefind.
 */
import { afterEach, describe, expect, test, vi } from "vitest";
import type { Pagefind, ResultData } from "../../src/search/pagefind";

/** A page of the made-up index: its URL and headline, the words it is found by, and the names it is filed under. */
interface Page {
  url: string;
  title: string;
  words: string[];
  /** Its date, which sorts it: by default the one in its URL. */
  date?: string;
  topics?: string[];
  people?: string[];
}

/** `count` pages of `year` found by `words`. */
function pages(year: string, count: number, words: string[]): Page[] {
  return Array.from({ length: count }, (_, i) => ({
    url: `/articles/${year}-01-${String(i + 1).padStart(2, "0")}/`,
    title: `${year} article ${i + 1}`,
    words,
  }));
}

/** What the made-up Pagefind was asked to do. */
interface Calls {
  options: unknown[];
  merged: { path: string; options: unknown }[];
  /** Each search: "year:query", then any other filter and the sort ("2016:talks topic=Russia date=desc"). */
  searches: string[];
}

/**
 * A Pagefind over `index` (pages by year, newest year first), as the panel
 * loads it from a year's bundle: a page matches when it has every word of
 * the query and every filter's value; `sort: { date: "desc" }` puts the
 * newest first. `hold`, if given, holds back a year's search until it resolves.
 */
function fakePagefind(
  index: Record<string, Page[]>,
  hold?: (query: string, year: string) => Promise<void>,
): { api: Pagefind; calls: Calls } {
  const calls: Calls = { options: [], merged: [], searches: [] };
  const api: Pagefind = {
    async options(options) {
      calls.options.push(options);
    },
    async mergeIndex(path, options) {
      calls.merged.push({ path, options });
    },
    async search(query, { filters, sort = {} }) {
      const { year, topic, person, ...others } = filters;
      expect(others).toEqual({});
      calls.searches.push(
        [
          `${year}:${query}`,
          ...Object.entries({ topic, person })
            .filter(([, value]) => value !== undefined)
            .map(([name, value]) => `${name}=${value}`),
          ...Object.entries(sort).map(([name, order]) => `${name}=${order}`),
        ].join(" "),
      );
      await hold?.(query, year!);
      const words = query.toLowerCase().split(" ");
      const found = (index[year!] ?? []).filter(
        (page) =>
          words.every((word) => page.words.includes(word)) &&
          (topic === undefined || (page.topics ?? []).includes(topic)) &&
          (person === undefined || (page.people ?? []).includes(person)),
      );
      const dateOf = (page: Page) => page.date ?? page.url.split("/")[2]!;
      if (sort["date"] === "desc") found.sort((a, b) => dateOf(b).localeCompare(dateOf(a)));
      return {
        results: found.map((page) => ({
          data: async (): Promise<ResultData> => ({
            url: page.url,
            meta: { title: page.title },
            sub_results: [],
          }),
        })),
      };
    },
  };
  return { api, calls };
}

const bundles = "/pagefind/";

/** The topics and people the panel's menus offer, by slug: each one's name, and its years if not every year. */
const topics = { russia: "Russia", "syrian-war": "Syrian War" };
const people = {
  "robert-hutton": "Robert Hutton",
  "henry-meyer": ["Henry Meyer", "2015"],
  "ana-ruiz": ["Ana Ruiz", "2016"],
};

/** A menu's markup, as SearchPanel.astro writes it: "any" first, then each value by its slug. */
function menu(name: string, any: string, values: Record<string, string | string[]>): string {
  const options = Object.entries(values).map(([slug, value]) => {
    const [text, years] = typeof value === "string" ? [value] : value;
    return `<option value="${slug}"${years ? ` data-years="${years}"` : ""}>${text}</option>`;
  });
  return `<select name="${name}"><option value="">${any}</option>${options.join("")}</select>`;
}

/**
 * Puts the panel's markup on a page at `url` and runs the panel's program on
 * it, with Pagefind's bundles for `years` (newest first) at /pagefind/YEAR/,
 * `pagefind` loadable from any of them; without `pagefind`, there are no bundles.
 */
async function openPanel(years: string[], pagefind: Pagefind | undefined, url = "/search/") {
  vi.resetModules();
  // A new entry, which drops any entries ahead that an earlier test went back from.
  history.pushState(null, "", url);
  document.body.innerHTML = `
    <div class="search" data-bundles="${bundles}" data-years="${years.join(" ")}" data-base="/">
      <form role="search" method="get">
        <input id="search-query" type="search" name="q" /><button type="submit">Search</button>
        ${menu("topic", "Any topic", topics)}
        ${menu("person", "Anyone", people)}
        ${menu("year", "Any year", Object.fromEntries(years.map((year) => [year, year])))}
        ${menu("sort", "Relevance", { date: "Newest first" })}
      </form>
      <p class="search-status" role="status"></p>
      <div class="search-results"></div>
      <button class="search-more" type="button" hidden>More results</button>
    </div>`;
  for (const year of years) {
    const pagefindUrl = `${bundles}${year}/pagefind.js`;
    if (pagefind) vi.doMock(pagefindUrl, () => pagefind);
    else vi.doMock(pagefindUrl, () => Promise.reject(new Error("404: no such bundle")));
  }
  await import("../../src/search/panel");
  const panel = document.querySelector<HTMLElement>(".search")!;
  const select = (name: string) => panel.querySelector<HTMLSelectElement>(`select[name=${name}]`)!;
  return {
    panel,
    input: panel.querySelector("input")!,
    form: panel.querySelector("form")!,
    status: panel.querySelector(".search-status")!,
    more: panel.querySelector<HTMLButtonElement>(".search-more")!,
    menus: {
      topic: select("topic"),
      person: select("person"),
      year: select("year"),
      sort: select("sort"),
    },
  };
}

/** Chooses `value` in `menu`, as a reader does. */
function choose(menu: HTMLSelectElement, value: string): void {
  menu.value = value;
  menu.dispatchEvent(new Event("change"));
}

/** The results shown: each year's heading, then its results' headlines. */
function shown(): string[] {
  return [...document.querySelectorAll(".search-year, .search-result h3")].map((node) =>
    node.nodeName === "H2" ? `## ${node.textContent}` : node.textContent!,
  );
}

/** Waits until the status says `text`. */
async function statusSays(status: Element, text: string): Promise<void> {
  await vi.waitFor(() => expect(status.textContent).toBe(text));
}

afterEach(() => {
  document.body.replaceChildren();
});

describe("the search panel", () => {
  test("marks itself ready, so the form shows in place of the note for readers without JavaScript", async () => {
    const { panel, status } = await openPanel(["2016"], fakePagefind({}).api);
    expect(panel.dataset["ready"]).toBe("");
    expect(status.textContent).toBe("");
    expect(shown()).toEqual([]);
  });

  test("shows the newest year's results ten at a time, and searches an older year only for more", async () => {
    const { api, calls } = fakePagefind({
      "2016": pages("2016", 12, ["talks"]),
      "2015": pages("2015", 3, ["talks"]),
    });
    const { status, more } = await openPanel(["2016", "2015"], api, "/search/?q=talks");
    await statusSays(
      status,
      "12 articles found for “talks” in 2016, the first 10 shown; older years not searched yet.",
    );
    expect(shown()).toEqual(["## 2016", ...pages("2016", 10, []).map((page) => page.title)]);
    expect(more.hidden).toBe(false);
    // One index loaded, its year its own filter; the older year's not merged yet.
    expect(calls.options).toEqual([
      { baseUrl: "/", excerptLength: 24, mergeFilter: { year: "2016" }, noWorker: true },
    ]);
    expect(calls.merged).toEqual([]);

    more.click();
    await statusSays(status, "15 articles found for “talks”.");
    expect(shown()).toEqual([
      "## 2016",
      ...pages("2016", 12, []).map((page) => page.title),
      "## 2015",
      ...pages("2015", 3, []).map((page) => page.title),
    ]);
    expect(more.hidden).toBe(true);
    expect(calls.merged).toEqual([
      {
        path: "/pagefind/2015/",
        options: { baseUrl: "/", excerptLength: 24, mergeFilter: { year: "2015" } },
      },
    ]);
    // The reader's place: the first of the results just added.
    expect(document.activeElement!.textContent).toBe("2016 article 11");
  });

  test("fills its first page from older years, and says which years it has searched", async () => {
    const { api } = fakePagefind({
      "2016": pages("2016", 2, ["talks"]),
      "2015": pages("2015", 9, ["talks"]),
      "2014": pages("2014", 4, ["talks"]),
    });
    const { status } = await openPanel(["2016", "2015", "2014"], api, "/search/?q=talks");
    await statusSays(
      status,
      "11 articles found for “talks” from 2015 to 2016, the first 10 shown; older years not searched yet.",
    );
    expect(shown()).toEqual([
      "## 2016",
      "2016 article 1",
      "2016 article 2",
      "## 2015",
      ...pages("2015", 8, []).map((page) => page.title),
    ]);
  });

  test("counts one article as one, and says so when no year has any", async () => {
    const { api } = fakePagefind({
      "2016": [],
      "2015": pages("2015", 1, ["oslo"]),
    });
    const { status, input, form } = await openPanel(["2016", "2015"], api, "/search/?q=oslo");
    await statusSays(status, "1 article found for “oslo”.");
    expect(shown()).toEqual(["## 2015", "2015 article 1"]);

    input.value = "zzyzx";
    form.requestSubmit();
    await statusSays(status, "No articles found for “zzyzx”.");
    expect(shown()).toEqual([]);
  });

  test("clears the results for an empty query, and finds nothing on a site with no articles", async () => {
    const { api } = fakePagefind({ "2016": pages("2016", 3, ["talks"]) });
    const { status, input, form } = await openPanel(["2016"], api, "/search/?q=talks");
    await statusSays(status, "3 articles found for “talks”.");
    input.value = "  ";
    form.requestSubmit();
    await statusSays(status, "");
    expect(shown()).toEqual([]);

    const empty = await openPanel([], undefined, "/search/?q=talks");
    await statusSays(empty.status, "No articles found for “talks”.");
  });

  test("says search is not available when the site has no search index", async () => {
    const { status, more } = await openPanel(["2016"], undefined, "/search/?q=talks");
    await statusSays(status, "Search is not available: this site has no search index.");
    expect(more.hidden).toBe(true);
  });

  test("shows the latest query's results, not a slower earlier one's", async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const { api } = fakePagefind(
      { "2016": [...pages("2016", 2, ["talks"]), ...pages("2016", 1, ["oslo"])] },
      (query) => (query === "talks" ? slow : Promise.resolve()),
    );
    const { status, input, form } = await openPanel(["2016"], api, "/search/?q=talks");
    input.value = "oslo";
    form.requestSubmit();
    await statusSays(status, "1 article found for “oslo”.");
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(status.textContent).toBe("1 article found for “oslo”.");
    expect(shown()).toEqual(["## 2016", "2016 article 1"]);
  });
});

describe("the query in the URL", () => {
  test("follows typing in place, makes each submitted search a step back, and goes back to it", async () => {
    const { api } = fakePagefind({
      "2016": [...pages("2016", 2, ["talks"]), ...pages("2016", 1, ["talks", "oslo"])],
    });
    const { status, input, form } = await openPanel(["2016"], api);
    const steps = history.length;
    const type = (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event("input"));
    };

    // Typing into an empty search replaces the page's URL: no step for it.
    type("talks");
    await statusSays(status, "3 articles found for “talks”.");
    expect(location.search).toBe("?q=talks");
    expect(history.length).toBe(steps);
    form.requestSubmit();

    // After a submitted search, typing makes one new step, then follows in place.
    type("talks o");
    type("talks oslo");
    await statusSays(status, "1 article found for “talks oslo”.");
    expect(location.search).toBe("?q=talks+oslo");
    expect(history.length).toBe(steps + 1);
    type("talks osl");
    await statusSays(status, "No articles found for “talks osl”.");
    expect(location.search).toBe("?q=talks+osl");
    expect(history.length).toBe(steps + 1);

    history.back();
    await statusSays(status, "3 articles found for “talks”.");
    expect(input.value).toBe("talks");
    expect(location.search).toBe("?q=talks");
  });

  test("drops q from the URL when the query is emptied", async () => {
    const { api } = fakePagefind({ "2016": pages("2016", 1, ["talks"]) });
    const { status, input, form } = await openPanel(["2016"], api, "/search/?q=talks");
    await statusSays(status, "1 article found for “talks”.");
    input.value = "";
    form.requestSubmit();
    await statusSays(status, "");
    expect(location.pathname + location.search).toBe("/search/");
  });
});

describe("narrowing and sorting the search", () => {
  /** Two years of articles about talks, some on Russia, some crediting Robert Hutton. */
  const index = () => ({
    "2016": [
      { url: "/articles/2016-03-01/a/", title: "2016 March", words: ["talks"], topics: ["Russia"] },
      { url: "/articles/2016-01-01/b/", title: "2016 January", words: ["talks"] },
      {
        url: "/articles/2016-06-01/c/",
        title: "2016 June",
        words: ["talks", "oslo"],
        topics: ["Russia"],
        people: ["Robert Hutton"],
      },
    ],
    "2015": [
      {
        url: "/articles/2015-11-15/d/",
        title: "2015 November",
        words: ["talks"],
        topics: ["Russia", "Syrian War"],
        people: ["Robert Hutton", "Henry Meyer"],
      },
      { url: "/articles/2015-02-01/e/", title: "2015 February", words: ["talks", "oslo"] },
    ],
  });

  test("loads the search a URL names with its controls set: one year's bundle alone, filtered and sorted", async () => {
    const { api, calls } = fakePagefind(index());
    const { status, input, menus } = await openPanel(
      ["2016", "2015"],
      api,
      "/search/?q=talks&topic=russia&person=robert-hutton&year=2015&sort=date",
    );
    await statusSays(
      status,
      "1 article on Russia crediting Robert Hutton found for “talks” in 2015.",
    );
    expect(input.value).toBe("talks");
    expect(
      Object.fromEntries(Object.entries(menus).map(([name, menu]) => [name, menu.value])),
    ).toEqual({ topic: "russia", person: "robert-hutton", year: "2015", sort: "date" });
    expect(shown()).toEqual(["## 2015", "2015 November"]);
    // Pagefind comes from the year chosen, whose index is its own: nothing merged, 2016 not asked.
    expect(calls.options).toEqual([
      { baseUrl: "/", excerptLength: 24, mergeFilter: { year: "2015" }, noWorker: true },
    ]);
    expect(calls.merged).toEqual([]);
    expect(calls.searches).toEqual(["2015:talks topic=Russia person=Robert Hutton date=desc"]);
  });

  test("sorts by date, newest first, within each year and so across them", async () => {
    const { api } = fakePagefind(index());
    const { status } = await openPanel(["2016", "2015"], api, "/search/?q=talks&sort=date");
    await statusSays(status, "5 articles found for “talks”.");
    expect(shown()).toEqual([
      "## 2016",
      "2016 June",
      "2016 March",
      "2016 January",
      "## 2015",
      "2015 November",
      "2015 February",
    ]);
  });

  test("says the years it searched, and none found, with the filters chosen", async () => {
    const { api } = fakePagefind(index());
    const { status } = await openPanel(["2016", "2015"], api, "/search/?q=oslo&topic=syrian-war");
    await statusSays(status, "No articles on Syrian War found for “oslo”.");
    const byYear = await openPanel(["2016", "2015"], api, "/search/?q=oslo&year=2016");
    await statusSays(byYear.status, "1 article found for “oslo” in 2016.");
    const none = await openPanel(["2016", "2015"], api, "/search/?q=zzyzx&year=2015");
    await statusSays(none.status, "No articles found for “zzyzx” in 2015.");
  });

  test("asks whether a year holds a word without the filters, as Pagefind drops a word by its index", async () => {
    const { api, calls } = fakePagefind(index());
    const { status } = await openPanel(["2016", "2015"], api, "/search/?q=talks+oslo&topic=russia");
    await statusSays(status, "1 article on Russia found for “talks oslo”.");
    expect(calls.searches).toEqual([
      "2016:talks oslo topic=Russia",
      "2016:talks",
      "2016:oslo",
      "2015:talks oslo topic=Russia",
    ]);
  });

  test("searches only the years in which the person chosen has articles", async () => {
    const { api, calls } = fakePagefind(index());
    const { status } = await openPanel(
      ["2016", "2015"],
      api,
      "/search/?q=talks&person=henry-meyer",
    );
    await statusSays(status, "1 article crediting Henry Meyer found for “talks”.");
    expect(shown()).toEqual(["## 2015", "2015 November"]);
    expect(calls.searches).toEqual(["2015:talks person=Henry Meyer"]);

    // None of Ana Ruiz's years is the year chosen: nothing to search, nothing loaded.
    const none = fakePagefind(index());
    const panel = await openPanel(
      ["2016", "2015"],
      none.api,
      "/search/?q=talks&person=ana-ruiz&year=2015",
    );
    await statusSays(panel.status, "No articles crediting Ana Ruiz found for “talks” in 2015.");
    expect(none.calls.options).toEqual([]);
  });

  test("leaves out what a URL asks that the page does not offer", async () => {
    const { api, calls } = fakePagefind(index());
    const { status, menus } = await openPanel(
      ["2016", "2015"],
      api,
      "/search/?q=talks&topic=nowhere&person=&year=1999&sort=oldest",
    );
    await statusSays(status, "5 articles found for “talks”.");
    expect([menus.topic.value, menus.person.value, menus.year.value, menus.sort.value]).toEqual([
      "",
      "",
      "",
      "",
    ]);
    expect(calls.searches).toEqual(["2016:talks", "2015:talks"]);
  });

  test("searches again when a menu changes, each choice a step back, and goes back to it", async () => {
    const { api } = fakePagefind(index());
    const { status, menus } = await openPanel(["2016", "2015"], api, "/search/?q=talks");
    await statusSays(status, "5 articles found for “talks”.");
    const steps = history.length;

    choose(menus.topic, "russia");
    await statusSays(status, "3 articles on Russia found for “talks”.");
    expect(location.search).toBe("?q=talks&topic=russia");
    choose(menus.sort, "date");
    await vi.waitFor(() =>
      expect(shown()).toEqual(["## 2016", "2016 June", "2016 March", "## 2015", "2015 November"]),
    );
    expect(location.search).toBe("?q=talks&topic=russia&sort=date");
    choose(menus.year, "2015");
    await statusSays(status, "1 article on Russia found for “talks” in 2015.");
    expect(location.search).toBe("?q=talks&topic=russia&year=2015&sort=date");
    expect(history.length).toBe(steps + 3);

    history.back();
    await statusSays(status, "3 articles on Russia found for “talks”.");
    expect(menus.year.value).toBe("");
    expect(menus.sort.value).toBe("date");
    history.back();
    await vi.waitFor(() => expect(location.search).toBe("?q=talks&topic=russia"));
    history.back();
    await statusSays(status, "5 articles found for “talks”.");
    expect([menus.topic.value, menus.sort.value]).toEqual(["", ""]);
  });

  test("keeps the filters chosen in the URL while the reader types, and drops what is emptied", async () => {
    const { api } = fakePagefind(index());
    const { status, input, menus, form } = await openPanel(["2016", "2015"], api);
    const steps = history.length;
    // A filter chosen before any words: the URL says so, in place of the
    // empty search, but nothing is searched yet.
    choose(menus.person, "robert-hutton");
    expect(location.search).toBe("?person=robert-hutton");
    expect(history.length).toBe(steps);
    expect(status.textContent).toBe("");
    // The words typed after it are a step of their own, as after a submitted search.
    input.value = "talks";
    input.dispatchEvent(new Event("input"));
    await statusSays(status, "2 articles crediting Robert Hutton found for “talks”.");
    expect(location.search).toBe("?q=talks&person=robert-hutton");
    expect(history.length).toBe(steps + 1);

    input.value = "";
    choose(menus.person, "");
    form.requestSubmit();
    await statusSays(status, "");
    expect(location.pathname + location.search).toBe("/search/");
  });
});
