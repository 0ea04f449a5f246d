/** Facts about the site as a whole, shown in its chrome and metadata. */
export const site = {
  /** The site's name, shown in the header and the title of every page. */
  name: "Broadsheet",
  /** What the site is, for the front page's description. */
  description: "News articles, fast to load and easy to read and link to.",
  /** The language of the pages. */
  lang: "en",
  /** How many articles a list page shows: enough to browse, few enough for one round trip. */
  articlesPerPage: 20,
} as const;
