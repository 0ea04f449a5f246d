import { describe, expect, test } from "vitest";
import {
  EMPTY_SEARCH,
  isEmptySearch,
  narrowingPhrase,
  pagefindFilters,
  pagefindSort,
  readSearchState,
  withSearchState,
  yearsToSearch,
  type SearchChoices,
  type SearchState,
} from "../../src/lib/search-state";

const choices: SearchChoices = {
  topics: new Map([
    ["russia", { name: "Russia" }],
    ["syrian-war", { name: "Syrian War", years: ["2016", "2015"] }],
  ]),
  people: new Map([["robert-hutton", { name: "Robert Hutton", years: ["2015", "2014"] }]]),
  years: ["2016", "2015", "2014"],
};
const read = (search: string) => readSearchState(new URLSearchParams(search), choices);

describe("readSearchState", () => {
  test("reads the words, each filter and the order from the URL", () => {
    expect(read("?q=assad&topic=russia&person=robert-hutton&year=2015&sort=date")).toEqual({
      q: "assad",
      topic: "russia",
      person: "robert-hutton",
      year: "2015",
      sort: "date",
    });
  });

  test("reads a URL with no search as the empty search", () => {
    expect(read("")).toEqual(EMPTY_SEARCH);
  });

  test("keeps the words as typed, spaces and case included", () => {
    expect(read("?q=%20Assad++future").q).toBe(" Assad  future");
  });

  test("leaves out a value the page does not offer, and any order but date", () => {
    expect(read("?q=talks&topic=Russia&person=nobody&year=1999&sort=oldest")).toEqual({
      ...EMPTY_SEARCH,
      q: "talks",
    });
  });
});

describe("withSearchState", () => {
  test("writes each parameter set, in one order, and leaves the defaults out", () => {
    const state: SearchState = { ...EMPTY_SEARCH, q: "assad", topic: "russia", sort: "date" };
    expect(withSearchState(new URLSearchParams("?sort=date&topic=x"), state).toString()).toBe(
      "q=assad&topic=russia&sort=date",
    );
    expect(withSearchState(new URLSearchParams(), { ...state, sort: "" }).toString()).toBe(
      "q=assad&topic=russia",
    );
  });

  test("keeps other parameters, before the search's", () => {
    const params = new URLSearchParams("?q=old&utm_source=feed&year=2014");
    expect(withSearchState(params, { ...EMPTY_SEARCH, q: "new" }).toString()).toBe(
      "utm_source=feed&q=new",
    );
    // The URL it was given is left as it was.
    expect(params.toString()).toBe("q=old&utm_source=feed&year=2014");
  });

  test("round-trips with readSearchState", () => {
    const state: SearchState = {
      q: "Assad’s future & Syria",
      topic: "syrian-war",
      person: "robert-hutton",
      year: "2014",
      sort: "date",
    };
    expect(readSearchState(withSearchState(new URLSearchParams(), state), choices)).toEqual(state);
  });
});

describe("isEmptySearch", () => {
  test("is true only when nothing is asked: no words, no filter, the default order", () => {
    expect(isEmptySearch(EMPTY_SEARCH)).toBe(true);
    expect(isEmptySearch({ ...EMPTY_SEARCH, q: "talks" })).toBe(false);
    expect(isEmptySearch({ ...EMPTY_SEARCH, year: "2015" })).toBe(false);
    expect(isEmptySearch({ ...EMPTY_SEARCH, sort: "date" })).toBe(false);
  });
});

describe("what a search asks of Pagefind", () => {
  test("searches every year, newest first, or only the year chosen", () => {
    expect(yearsToSearch(EMPTY_SEARCH, choices)).toEqual(["2016", "2015", "2014"]);
    expect(yearsToSearch({ ...EMPTY_SEARCH, year: "2015" }, choices)).toEqual(["2015"]);
  });

  test("searches only the years in which the topic and the person chosen have articles", () => {
    const years = (state: Partial<SearchState>) =>
      yearsToSearch({ ...EMPTY_SEARCH, ...state }, choices);
    expect(years({ topic: "russia" })).toEqual(["2016", "2015", "2014"]);
    expect(years({ topic: "syrian-war" })).toEqual(["2016", "2015"]);
    expect(years({ topic: "syrian-war", person: "robert-hutton" })).toEqual(["2015"]);
    expect(years({ topic: "syrian-war", year: "2014" })).toEqual([]);
  });

  test("filters by the names of the topic and the person chosen, as the index files articles", () => {
    expect(pagefindFilters(EMPTY_SEARCH, choices)).toEqual({});
    expect(
      pagefindFilters(
        { ...EMPTY_SEARCH, topic: "syrian-war", person: "robert-hutton", year: "2015" },
        choices,
      ),
    ).toEqual({ topic: "Syrian War", person: "Robert Hutton" });
  });

  test("sorts by date, newest first, or leaves Pagefind's ranking", () => {
    expect(pagefindSort({ ...EMPTY_SEARCH, sort: "date" })).toEqual({ date: "desc" });
    expect(pagefindSort(EMPTY_SEARCH)).toEqual({});
  });
});

test("narrowingPhrase names the topic and the person chosen", () => {
  expect(narrowingPhrase({ ...EMPTY_SEARCH, year: "2015" }, choices)).toBe("");
  expect(narrowingPhrase({ ...EMPTY_SEARCH, topic: "syrian-war" }, choices)).toBe(" on Syrian War");
  expect(
    narrowingPhrase({ ...EMPTY_SEARCH, topic: "russia", person: "robert-hutton" }, choices),
  ).toBe(" on Russia crediting Robert Hutton");
});
