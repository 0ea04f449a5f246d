/*
 * The search page's program: runs a query through the years, newest first,
 * shows its results ten at a time under a heading a year, says what it found,
 * and keeps the query in the URL (?q=…) so a search can be linked, reloaded
 * and gone back to. SearchPanel.astro holds the markup and says why the
 * search is shaped this way.
 */
import { searchByYear } from "../lib/search-years";
import { SHOWN, TYPING_PAUSE } from "./pacing";
import { form, input, list, more, status, years } from "./panel-elements";
import { pagefindFor, type Result } from "./pagefind";
import { element, resultItem } from "./result-item";

/** One query's search, as far as it has gone through the years. */
interface Run {
  query: string;
  /** A year's results, as one index of the whole archive would give them (see search-years.ts). */
  inYear: (year: string) => Promise<readonly Result[]>;
  /** How many of `years` it has searched, newest first. */
  searched: number;
  /** Results found and not yet shown, in the order shown, each with its year. */
  waiting: { year: string; result: Result }[];
  found: number;
  shown: number;
  /** The list of the last year shown, to which more of that year's results are added. */
  last?: { year: string; list: HTMLOListElement };
}

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
      if (current.searched === years.length) break;
      const year = years[current.searched]!;
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
  more.hidden = current.waiting.length === 0 && current.searched === years.length;
  more.disabled = false;
}

/** Says what the search has found so far, and in which years. */
function report({ query, searched, found, shown }: Run): void {
  const all = searched === years.length;
  if (all && found === 0) {
    status.textContent = `No articles found for “${query}”.`;
    return;
  }
  const articles = found === 1 ? "1 article" : `${found} articles`;
  const oldest = years[searched - 1]!;
  const where = all ? "" : oldest === years[0] ? ` in ${oldest}` : ` from ${oldest} to ${years[0]}`;
  const which = shown < found ? `, the first ${shown} shown` : "";
  const older = all ? "" : "; older years not searched yet";
  status.textContent = `${articles} found for “${query}”${where}${which}${older}.`;
}

async function show(query: string): Promise<void> {
  const ticket = ++latest;
  more.hidden = true;
  run = undefined;
  if (query.trim() === "" || years.length === 0) {
    list.replaceChildren();
    status.textContent = query.trim() === "" ? "" : `No articles found for “${query}”.`;
    return;
  }
  const inYear = searchByYear(years, query, async (words, year) => {
    const api = await pagefindFor(year);
    return (await api.search(words, { filters: { year } })).results;
  });
  run = { query, inYear, searched: 0, waiting: [], found: 0, shown: 0 };
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

const queryInUrl = () => new URLSearchParams(location.search).get("q") ?? "";

// Each submitted search is a step the back button returns to; while the
// reader types, the URL follows in place.
let committed = true;
function record(query: string): void {
  const url = new URL(location.href);
  if (query) url.searchParams.set("q", query);
  else url.searchParams.delete("q");
  if (url.href === location.href) return;
  if (committed && queryInUrl() !== "") history.pushState(null, "", url);
  else history.replaceState(null, "", url);
  committed = false;
}

let typing: ReturnType<typeof setTimeout> | undefined;
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    record(input.value);
    void show(input.value);
  }, TYPING_PAUSE);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  record(input.value);
  committed = true;
  void show(input.value);
});
addEventListener("popstate", () => {
  committed = true;
  input.value = queryInUrl();
  void show(input.value);
});

input.value = queryInUrl();
void show(input.value);
