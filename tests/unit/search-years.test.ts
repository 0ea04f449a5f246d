import { describe, expect, test } from "vitest";
import { queryWords, searchByYear } from "../../src/lib/search-years";

/** Pages by year, each a set of words. */
const archive: Record<string, Record<string, string[]>> = {
  "2015": { a: ["ceasefire", "talks"], b: ["talks", "vienna"] },
  "2014": { c: ["talks"], d: ["oslo", "talks"] },
  "2013": { e: ["pension", "reform"] },
};
const years = ["2015", "2014", "2013"];

/** Pagefind's rule over a set of pages: every word the pages hold must match; a word none holds is left out. */
function pagefindSearch(pages: Record<string, string[]>, query: string): string[] {
  const held = new Set(Object.values(pages).flat());
  const words = queryWords(query).filter((word) => held.has(word));
  if (words.length === 0) return [];
  return Object.keys(pages).filter((page) => words.every((word) => pages[page]!.includes(word)));
}

describe("searchByYear", () => {
  test.each(["talks", "ceasefire talks", "oslo talks", "talks zzyzx", "zzyzx", "pension talks"])(
    "finds for %j, year by year, what one index finds",
    async (query) => {
      const asked: string[] = [];
      const inYear = searchByYear(years, query, async (words, year) => {
        asked.push(`${year}:${words}`);
        return pagefindSearch(archive[year]!, words);
      });
      const union = (await Promise.all(years.map(inYear))).flat().sort();
      const oneIndex = pagefindSearch(Object.assign({}, ...Object.values(archive)), query).sort();
      expect(union).toEqual(oneIndex);
    },
  );

  test("asks other years for a word a year lacks, newest first, only until one has it", async () => {
    const asked: string[] = [];
    const inYear = searchByYear(years, "oslo talks", async (words, year) => {
      asked.push(`${year}: ${words}`);
      return pagefindSearch(archive[year]!, words);
    });
    // 2015 lacks "oslo", which 2014 has: 2015 gives nothing, and 2013 is not asked.
    expect(await inYear("2015")).toEqual([]);
    expect(asked).toEqual(["2015: oslo talks", "2015: oslo", "2014: oslo"]);
  });

  test("asks nothing more for a query of one word", async () => {
    const asked: string[] = [];
    const inYear = searchByYear(years, "ceasefire", async (words, year) => {
      asked.push(`${year}: ${words}`);
      return pagefindSearch(archive[year]!, words);
    });
    expect(await inYear("2014")).toEqual([]);
    expect(asked).toEqual(["2014: ceasefire"]);
  });

  test("asks whether a year holds a word of `searchWord`, not of the narrowed search", async () => {
    const asked: string[] = [];
    const inYear = searchByYear(
      years,
      "ceasefire talks",
      async (words, year) => {
        asked.push(`narrowed ${year}: ${words}`);
        return ["a"];
      },
      async (word, year) => {
        asked.push(`${year}: ${word}`);
        return pagefindSearch(archive[year]!, word);
      },
    );
    // 2015's index holds both words: the narrowed search's results stand.
    expect(await inYear("2015")).toEqual(["a"]);
    expect(asked).toEqual(["narrowed 2015: ceasefire talks", "2015: ceasefire", "2015: talks"]);
  });

  test("takes the words Pagefind searches for, without punctuation alone", () => {
    expect(queryWords('  "core  disagreements" – remain ')).toEqual([
      '"core',
      'disagreements"',
      "remain",
    ]);
  });
});
