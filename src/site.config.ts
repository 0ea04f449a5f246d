/**
 * Facts about the site as a whole, shown in its chrome and metadata: the
 * masthead (name, description, publisher, logo, policy pages) and the sizes
 * of its lists. The newsroom edits the masthead here, and only here
 * (docs/browsing.md, "The masthead").
 */
export const site = {
  /** The site's name, shown in the header and the title of every page. */
  name: "Broadsheet",
  /** What the site is, for the front page's description. */
  description: "News articles, fast to load and easy to read and link to.",
  /** The organisation that publishes the site, named in the footer and as every article's publisher in its structured data. */
  publisher: "Broadsheet",
  /**
   * The publisher's logo, a file in `public/` (path below the base): square,
   * at least 112 × 112 pixels if raster, as Google asks of a logo.
   */
  logo: "favicon.svg",
  /** The language of the pages. */
  lang: "en",
  /**
   * The policy pages of the masthead, each at `/about/<key>/` and linked from
   * every page's footer and from the publisher's structured data. Their text
   * is the newsroom's to write: a paragraph a string, plain text.
   */
  policies: {
    corrections: {
      title: "Corrections policy",
      description: "How this site corrects its mistakes.",
      paragraphs: [
        "This site has not published its corrections policy yet. This page will say how the newsroom corrects its mistakes: who decides, how quickly, and how a correction is shown on the article.",
        "Until then: an article changed since it was first published shows the date of its latest update and the newsroom’s note on what changed.",
      ],
    },
    principles: {
      title: "Publishing principles",
      description: "The standards this site holds itself to.",
      paragraphs: [
        "This site has not published its publishing principles yet. This page will set out the standards the newsroom holds itself to: how it checks facts, how it names its sources, and how it keeps news apart from opinion.",
        "Until then: every article names who wrote it and the day it was published, and keeps its address when its headline changes.",
      ],
    },
  },
  /**
   * What the front page shows, in fixed counts whatever the archive's size.
   * With five long bullets a story, these make a front page of 7.5 KB gzip,
   * well within the 14.6 KB of one round trip (tests/build/front-page.test.ts).
   */
  frontPage: {
    /** The newest articles after the lead, each with its summary. */
    latest: 10,
    /** The busiest topics, each with a section of its newest stories. */
    topics: 4,
    /** How many stories a topic's section lists. */
    storiesPerTopic: 3,
    /** Among how many of the newest articles topics are counted for "busiest". */
    busiestAmong: 200,
  },
  /**
   * The most articles a topic, person or archive page lists (a headline and
   * a date each) before it lists its years, months or days instead. A row
   * of a long headline of varied words weighs about 90 bytes gzip: 100 rows
   * made a page of 11.3 KB, 150 rows 15.4 KB, over the 14.6 KB of one round
   * trip (tests/build/large-lists.test.ts).
   */
  articlesPerListPage: 100,
} as const;
