/*
 * The search panel's elements (SearchPanel.astro), and what its markup
 * says: the years that have a search bundle and where the bundles are.
 * Reading them marks the panel ready, which shows the form in place of the
 * note for readers without JavaScript.
 */

/** The panel, holding what the page knows about its search bundles in data attributes. */
export const panel = document.querySelector<HTMLElement>(".search")!;
/** The search form. */
export const form = panel.querySelector("form")!;
/** The query's text box. */
export const input = form.querySelector("input")!;
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
