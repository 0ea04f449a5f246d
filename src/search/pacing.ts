/*
 * How much the search panel shows at a time, and how soon it searches.
 * Their own module, evaluated before panel-elements.ts reads the page: the
 * minifier writes a constant in where it is used only when no code with side
 * effects runs before its declaration.
 */

/** Results shown at a time: Pagefind loads each one's text only when shown. */
export const SHOWN = 10;
/** Milliseconds of no typing before a search: fewer index fetches on a slow line. */
export const TYPING_PAUSE = 250;
