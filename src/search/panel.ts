/*
 * The search page's program: runs a query through the years, newest first,
 * narrowed by the filters chosen and in the order chosen, shows its results
 * ten at a time under a heading a year, says what it found, and keeps the
 * search in the URL (?q=…&topic=…&person=…&year=…&sort=date) so it can be
 * linked, reloaded and gone back to. SearchPanel.astro holds the markup and
 * says why the search is shaped this way.
 */
import {
  SEARCH_PARAMETERS,
  isEmptySearch,
  narrowingPhrase,
  pagefindFilters,
  pagefindSort,
  readSearchState,
  withSearchState,
  yearsToSearch,
  type SearchChoices,
  type SearchState,
} from "../lib/search-state";
import { searchByYear } from "../lib/search-years";
import { SHOWN, TYPING_PAUSE } from "./pacing";
import { fields, form, input, list, more, status, years } from "./panel-elements";
import { pagefindFor, type Result } from "./pagefind";
import { element, resultItem } from "./result-item";

/** One search, as far as it has gone through the years. */
interface Run {
  query: string;
  /** The years it looks in, newest first (see yearsToSearch). */
  years: readonly string[];
  /** The year the reader chose, or "". */
  year: string;
  /** The topic and person chosen, as the status names them (see narrowingPhrase). */
  narrowing: string;
  /** A year's results, as one index of the whole archive would give them (see search-years.ts). */
  inYear: (year: string) => Promise<readonly Result[]>;
  /** How many of its `years` it has searched, newest first. */
  searched: number;
  /** Results found and not yet shown, in the order shown, each with its year. */
  waiting: { year: string; result: Result }[];
  found: number;
  shown: number;
  /** The list of the last year shown, to which more of that year's results are added. */
  last?: { year: string; list: HTMLOListElement };
}

/** The topics or people a menu offers, by slug: each one's name and, unless it is every year, its years. */
const offered = (menu: HTMLSelectElement) =>
  new Map(
    [...menu.options]
      .filter((option) => option.value !== "")
      .map((option) => [
        option.value,
        { name: option.text, years: option.dataset.years?.split(" ") },
      ]),
  );
const choices: SearchChoices = {
  topics: offered(fields.topic),
  people: offered(fields.person),
  years,
};

let run: Run | undefined;
let latest = 0;

/**
 * Shows the next SHOWN results of the current search, searching older
 * years, one at a time, while it has fewer than that waiting. Each year's
 * results go under a heading of the year.
 */
async function showMore(ticket: number, current: Run): Promise<void> {
  more.disabled = true;
  const next: { year: string; result: Result }[] = [];
  try {
    while (next.length < SHOWN) {
      if (current.waiting.length > 0) {
        next.push(...current.waiting.splice(0, SHOWN - next.length));
        continue;
      }
      if (current.searched === current.years.length) break;
      const year = current.years[current.searched]!;
      const results = await current.inYear(year);
      if (ticket !== latest) return; // A newer search has started.
      current.searched++;
      current.found += results.length;
      current.waiting.push(...results.map((result) => ({ year, result })));
    }
  } catch {
    if (ticket !== latest) return;
    // As under `npm run dev`: the index is made by a build.
    status.textContent = "Search is not available: this site has no search index.";
    more.hidden = true;
    return;
  }
  const shown = await Promise.all(next.map(({ result }) => result.data()));
  if (ticket !== latest) return;
  // A new search's results replace the last search's only now, so the page does not flash empty.
  if (current.shown === 0) list.replaceChildren();
  next.forEach(({ year }, index) => {
    if (current.last?.year !== year) {
      const heading = element("h2", "search-year", year);
      const yearList = element("ol", "search-year-results");
      list.append(heading, yearList);
      current.last = { year, list: yearList };
    }
    current.last.list.append(resultItem(shown[index]!));
  });
  current.shown += next.length;
  report(current);
  more.hidden = current.waiting.length === 0 && current.searched === current.years.length;
  more.disabled = false;
}

/** Says what the search has found so far, narrowed to what, and in which years. */
function report({ query, years: searchable, year, narrowing, searched, found, shown }: Run): void {
  const all = searched === searchable.length;
  const [newest] = searchable;
  const oldest = searchable[searched - 1];
  // Which years: the one chosen, or those searched so far until every one is.
  const where = all
    ? year && ` in ${year}`
    : oldest === newest
      ? ` in ${oldest}`
      : ` from ${oldest} to ${newest}`;
  if (all && found === 0) {
    status.textContent = `No articles${narrowing} found for “${query}”${where}.`;
    return;
  }
  const articles = found === 1 ? "1 article" : `${found} articles`;
  const which = shown < found ? `, the first ${shown} shown` : "";
  const older = all ? "" : "; older years not searched yet";
  status.textContent = `${articles}${narrowing} found for “${query}”${where}${which}${older}.`;
}

async function show(state: SearchState): Promise<void> {
  const ticket = ++latest;
  more.hidden = true;
  run = undefined;
  const { q: query } = state;
  if (query.trim() === "" || years.length === 0) {
    list.replaceChildren();
    status.textContent = query.trim() === "" ? "" : `No articles found for “${query}”.`;
    return;
  }
  const filters = pagefindFilters(state, choices);
  const sort = pagefindSort(state);
  const inYear = searchByYear(
    years,
    query,
    async (words, year) => {
      const api = await pagefindFor(year);
      return (await api.search(words, { filters: { ...filters, year }, sort })).results;
    },
    // Whether a year holds a word is a question about its index, whatever
    // the filters: Pagefind leaves out a word its index lacks before it filters.
    async (word, year) => {
      const api = await pagefindFor(year);
      return (await api.search(word, { filters: { year } })).results;
    },
  );
  run = {
    query,
    years: yearsToSearch(state, choices),
    year: state.year,
    narrowing: narrowingPhrase(state, choices),
    inYear,
    searched: 0,
    waiting: [],
    found: 0,
    shown: 0,
  };
  await showMore(ticket, run);
}

more.addEventListener("click", () => {
  const current = run;
  if (!current) return;
  const before = list.querySelectorAll(".search-result").length;
  void showMore(latest, current).then(() => {
    // The reader's place: the first of the results just added.
    list.querySelectorAll<HTMLElement>(".search-result h3 a")[before]?.focus();
  });
});

const stateInUrl = () => readSearchState(new URLSearchParams(location.search), choices);

/** The search the form's fields ask for. */
const stateOfForm = () =>
  Object.fromEntries(SEARCH_PARAMETERS.map((name) => [name, fields[name].value])) as SearchState;

function setForm(state: SearchState): void {
  for (const name of SEARCH_PARAMETERS) fields[name].value = state[name];
}

// Each submitted search, and each filter or order chosen, is a step the back
// button returns to; while the reader types, the URL follows in place.
let committed = true;
function record(state: SearchState): void {
  const url = new URL(location.href);
  url.search = withSearchState(url.searchParams, state).toString();
  if (url.href === location.href) return;
  if (committed && !isEmptySearch(stateInUrl())) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
  committed = false;
}

/** Records the form's search as a step of its own, and shows it. */
function commit(): void {
  clearTimeout(typing);
  const state = stateOfForm();
  record(state);
  committed = true;
  void show(state);
}

let typing: ReturnType<typeof setTimeout> | undefined;
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    const state = stateOfForm();
    record(state);
    void show(state);
  }, TYPING_PAUSE);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  commit();
});
for (const menu of [fields.topic, fields.person, fields.year, fields.sort]) {
  menu.addEventListener("change", commit);
}
addEventListener("popstate", () => {
  committed = true;
  const state = stateInUrl();
  setForm(state);
  void show(state);
});

const initial = stateInUrl();
setForm(initial);
void show(initial);
