/*
 * Searching an archive indexed one year at a time (one Pagefind index per
 * year) so that it finds what one index of the whole archive would find.
 *
 * Pagefind searches for every word of a query, but leaves out a word that
 * its index does not hold at all, so that one unknown word does not empty
 * the results. Over one index of the archive that drops only words of no
 * article; over one year's index it also drops words that are in other
 * years' articles: "ceasefire talks" in a year without "ceasefire" would
 * give every article of that year with "talks". So when a year's index lacks
 * a word of the query, that year's results stand only if no year has the
 * word; otherwise the year has no result for the query, as in one index.
 * Filters do not change this: Pagefind leaves a word out by its index, then
 * filters the pages found.
 */

/** Searches one year's index for a query, as Pagefind does. */
export type SearchOneYear<R> = (query: string, year: string) => Promise<readonly R[]>;

/**
 * The words of a query that Pagefind searches for, roughly as it splits
 * them: by spaces, leaving out what has no letter or digit (Pagefind drops
 * punctuation before it searches).
 */
export function queryWords(query: string): string[] {
  return query
    .trim()
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/**
 * A search of `query` over the years (newest first), one year at a time:
 * the function it returns gives a year's results, exactly those one index
 * of every year would give for that year. A year lacking a word of the query
 * is asked whether other years hold the word, newest first, stopping at the
 * first that does; only a word that no year holds makes them all search.
 * Whether a year holds a word is asked of `searchWord`, a search without the
 * filters `searchOne` may apply (by default `searchOne` itself).
 */
export function searchByYear<R>(
  years: readonly string[],
  query: string,
  searchOne: SearchOneYear<R>,
  searchWord: SearchOneYear<unknown> = searchOne,
): (year: string) => Promise<readonly R[]> {
  const words = queryWords(query);
  const holds = new Map<string, Promise<boolean>>();
  /** Whether `year`'s index holds `word` (or a word it begins, as Pagefind matches). */
  const yearHolds = (year: string, word: string): Promise<boolean> => {
    const key = `${year} ${word}`;
    let found = holds.get(key);
    if (!found) {
      found = searchWord(word, year).then((results) => results.length > 0);
      holds.set(key, found);
    }
    return found;
  };
  const archiveHolds = async (word: string, besides: string): Promise<boolean> => {
    for (const year of years) {
      if (year !== besides && (await yearHolds(year, word))) return true;
    }
    return false;
  };
  return async (year) => {
    const results = await searchOne(query, year);
    // One word: no other word for Pagefind to have left out.
    if (results.length === 0 || words.length < 2) return results;
    for (const word of words) {
      if (!(await yearHolds(year, word)) && (await archiveHolds(word, year))) return [];
    }
    return results;
  };
}
