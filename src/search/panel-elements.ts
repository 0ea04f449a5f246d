/*
 * The search panel's elements (SearchPanel.astro), and what its markup
 * says: the years that have a search bundle, where the bundles are, and
 * the values each filter offers.
 * Reading them marks the panel ready, which shows the form in place of the
 * note for readers without JavaScript.
 */
import { SEARCH_PARAMETERS, type SearchParameter } from "../lib/search-state";

/** The panel, holding what the page knows about its search bundles in data attributes. */
export const panel = document.querySelector<HTMLElement>(".search")!;
/** The search form. */
export const form = panel.querySelector("form")!;
/** The form's fields by their parameters in the URL: the query's text box, then the menus of the filters and the order. */
export const fields = Object.fromEntries(
  SEARCH_PARAMETERS.map((name) => [name, form.querySelector(`[name=${name}]`)!]),
) as { q: HTMLInputElement } & Record<Exclude<SearchParameter, "q">, HTMLSelectElement>;
/** The query's text box. */
export const input = fields.q;
/** The sentence that says what the search found (a live region). */
export const status = panel.querySelector<HTMLElement>(".search-status")!;
/** Where the results go, under a heading for each year. */
export const list = panel.querySelector<HTMLElement>(".search-results")!;
/** The “More results” button. */
export const more = panel.querySelector<HTMLButtonElement>(".search-more")!;
/** The years with a bundle, newest first. */
export const years = (panel.dataset.years ?? "").split(" ").filter((year) => year !== "");
/** The URL of the folder of the search bundles, one a year. */
export const bundles = panel.dataset.bundles!;
panel.dataset.ready = "";
