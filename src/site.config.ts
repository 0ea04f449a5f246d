/** Facts about the site as a whole, shown in its chrome and metadata. */
export const site = {
  /** The site's name, shown in the header and the title of every page. */
  name: "Broadsheet",
  /** What the site is, for the front page's description. */
  description: "News articles, fast to load and easy to read and link to.",
  /** The language of the pages. */
  lang: "en",
  /** How many of the newest articles the front page shows, in full summaries. */
  articlesPerPage: 20,
  /**
   * The most articles a topic, person or archive page lists (a headline and
   * a date each) before it lists its years, months or days instead. A row
   * of a long headline of varied words weighs about 90 bytes gzip: 100 rows
   * made a page of 11.3 KB, 150 rows 15.4 KB, over the 14.6 KB of one round
   * trip (tests/build/large-lists.test.ts).
   */
  articlesPerListPage: 100,
} as const;
