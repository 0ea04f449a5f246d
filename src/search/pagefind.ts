/*
 * Pagefind, loaded once for the page, able to search any year. Every year's
 * bundle is a complete Pagefind index, but the page loads Pagefind itself
 * (pagefind.js and its WebAssembly, 73 KB gzip) once, from the bundle of
 * the first year a search needs (the newest, unless the reader chose a
 * year), and adds each other year's index to it only when a search reaches
 * that year (Pagefind's mergeIndex). Each index carries its year as a filter
 * of its own (mergeFilter), so a search asks one year at a time:
 * `filters: { year }`.
 */
import { bundles, panel } from "./panel-elements";

/** The options Pagefind takes for an index. */
interface SearchOptions {
  baseUrl: string;
  excerptLength: number;
  mergeFilter: Record<string, string>;
}

/** The part of Pagefind's pagefind.js API this page uses. */
export interface Pagefind {
  options(options: SearchOptions & { noWorker: boolean }): Promise<void>;
  mergeIndex(indexPath: string, options: SearchOptions): Promise<void>;
  search(
    query: string,
    options: { filters: Record<string, string>; sort?: Record<string, "asc" | "desc"> },
  ): Promise<{ results: Result[] }>;
}

/** A search result, whose text Pagefind loads only when asked. */
export interface Result {
  data(): Promise<ResultData>;
}

/** A part of a result's page that matched: a section when it starts at a heading with an id. */
interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { element: string; id: string };
}

/** A result's text, as Pagefind gives it. */
export interface ResultData {
  url: string;
  meta: { title?: string; date?: string; summary?: string };
  sub_results: SubResult[];
}

const indexOptions = (year: string): SearchOptions => ({
  baseUrl: panel.dataset.base!,
  excerptLength: 24,
  mergeFilter: { year },
});
let pagefind: Promise<Pagefind> | undefined;
/** The year whose bundle Pagefind was loaded from, its index Pagefind's own. */
let primary: string | undefined;
const merged = new Map<string, Promise<void>>();
const loadPagefind = (year: string) => {
  if (pagefind) return pagefind;
  primary = year;
  // The URL is a variable, not a template in the import(): Vite then leaves
  // the import alone instead of wrapping it in its preload helper (1.5 KB of
  // script for a module it cannot know, and, in a script Astro inlines, a
  // placeholder it never fills in: withastro/astro#17265).
  const pagefindUrl = `${bundles}${year}/pagefind.js`;
  pagefind = import(/* @vite-ignore */ pagefindUrl).then(async (module) => {
    const api = module as Pagefind;
    // On this page's own thread, not in Pagefind's worker: pagefind.js
    // holds the whole search either way, so the worker's script was 12 KB
    // gzip more for a first search, to keep a search (about 45 ms at
    // 10,000 articles on the bench machine) off a thread that has nothing
    // else to do while the reader waits for it.
    await api.options({ ...indexOptions(year), noWorker: true });
    return api;
  });
  return pagefind;
};

/** Pagefind, able to search `year`. */
export async function pagefindFor(year: string): Promise<Pagefind> {
  const api = await loadPagefind(year);
  if (year !== primary) {
    let merging = merged.get(year);
    if (!merging) {
      merging = api.mergeIndex(`${bundles}${year}/`, indexOptions(year));
      merged.set(year, merging);
      merging.catch(() => merged.delete(year));
    }
    await merging;
  }
  return api;
}
