/*
 * What a reader asks the search page for, as it lives in the page's URL
 * (`/search/?q=assad&topic=russia&person=robert-hutton&year=2015&sort=date`),
 * and what that asks of the search: which years' indexes to search, which
 * Pagefind filters, which order. In the URL a topic or a person is the slug
 * of its page; the search index files an article under their names, as its
 * links show them (marked `data-pagefind-filter="topic"` as the index reads
 * the page, src/lib/search-document.ts: the article carries no second copy
 * of each name).
 */

/** The search's parameters in the URL, in the order a URL gives them; each is one of the form's fields. */
export const SEARCH_PARAMETERS = ["q", "topic", "person", "year", "sort"] as const;

/** One of the search's parameters. */
export type SearchParameter = (typeof SEARCH_PARAMETERS)[number];

/**
 * A search as the reader set it up, each parameter "" when not set: `q` the
 * words as typed, `topic` and `person` a slug ("syrian-war"), `year` a year,
 * `sort` "date" for newest first ("" is Pagefind's ranking).
 */
export type SearchState = Record<SearchParameter, string>;

/** A topic or a person the page offers. */
export interface Choice {
  /** The name the index files articles under. */
  name: string;
  /** The years it has articles in, newest first; undefined when it has them in every year. */
  years?: readonly string[] | undefined;
}

/** What the page offers for each filter (topics and people by slug); a URL's value outside them is not applied. */
export interface SearchChoices {
  topics: ReadonlyMap<string, Choice>;
  people: ReadonlyMap<string, Choice>;
  /** Every year with articles, newest first. */
  years: readonly string[];
}

/** A search with no words, no filter and the default order. */
export const EMPTY_SEARCH: SearchState = { q: "", topic: "", person: "", year: "", sort: "" };

/**
 * The search a URL's parameters ask for. A filter's value that the page does
 * not offer (a topic no article has, a mistyped year) is left out, as the
 * page's controls could not show it; so is any sort but `date`.
 */
export function readSearchState(params: URLSearchParams, choices: SearchChoices): SearchState {
  const offered: Record<SearchParameter, (value: string) => boolean> = {
    q: () => true,
    topic: (slug) => choices.topics.has(slug),
    person: (slug) => choices.people.has(slug),
    year: (year) => choices.years.includes(year),
    sort: (sort) => sort === "date",
  };
  const state = { ...EMPTY_SEARCH };
  for (const name of SEARCH_PARAMETERS) {
    const value = params.get(name) ?? "";
    if (offered[name](value)) state[name] = value;
  }
  return state;
}

/**
 * `params` with the search's parameters set to `state`: each left out when
 * it is "", always in the same order (q, topic, person, year, sort) after
 * any other parameter, so that one search has one URL.
 */
export function withSearchState(params: URLSearchParams, state: SearchState): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of SEARCH_PARAMETERS) next.delete(name);
  for (const name of SEARCH_PARAMETERS) if (state[name] !== "") next.append(name, state[name]);
  return next;
}

/** Whether `state` asks for nothing: no words, no filter, the default order. */
export function isEmptySearch(state: SearchState): boolean {
  return SEARCH_PARAMETERS.every((name) => state[name] === "");
}

/**
 * The years to search, newest first: every year, but only the year chosen,
 * and only those in which the topic and the person chosen have articles. A
 * year is a bundle of its own, so a year filter is simply which bundles are
 * searched; and a search for someone who wrote twice in sixteen years loads
 * two years' indexes, not sixteen, before it says what it found.
 */
export function yearsToSearch(state: SearchState, choices: SearchChoices): readonly string[] {
  const within = [
    state.year === "" ? undefined : [state.year],
    choices.topics.get(state.topic)?.years,
    choices.people.get(state.person)?.years,
  ];
  return choices.years.filter((year) => within.every((only) => only?.includes(year) ?? true));
}

/**
 * The Pagefind filters of the topic and person chosen, by name, as the index
 * files them. The year is not one of them: each year's bundle carries its own.
 */
export function pagefindFilters(
  state: SearchState,
  choices: SearchChoices,
): Record<string, string> {
  const filters: Record<string, string> = {};
  const topic = choices.topics.get(state.topic)?.name;
  const person = choices.people.get(state.person)?.name;
  if (topic !== undefined) filters["topic"] = topic;
  if (person !== undefined) filters["person"] = person;
  return filters;
}

/**
 * Pagefind's sort for the order chosen: by each article's `date`
 * (`data-pagefind-sort`), newest first; none for Pagefind's ranking. Years
 * are searched newest first, so sorting within each year sorts the archive.
 */
export function pagefindSort(state: SearchState): Record<string, "desc"> {
  return state.sort === "date" ? { date: "desc" } : {};
}

/**
 * How the status sentence names the filters chosen, after “N articles”: “ on
 * Russia crediting Robert Hutton” (a person is credited as an author or as a
 * contributor). The year is said where the sentence says which years it
 * searched.
 */
export function narrowingPhrase(state: SearchState, choices: SearchChoices): string {
  const { topic, person } = pagefindFilters(state, choices);
  return `${topic ? ` on ${topic}` : ""}${person ? ` crediting ${person}` : ""}`;
}
