/*
 * What one `astro build` process makes when the publisher runs it
 * (src/publisher/): every page, the pages of some articles, or the pages
 * that list them. The publisher writes it as JSON and names the file in the
 * process's environment; a build without one (`astro build` run by hand, a
 * test's) makes the whole site and the files that follow it.
 */

import type { RelatedStory } from "./related-stories.ts";

/**
 * Each article's earlier stories (src/lib/related-stories.ts), by id, as
 * the publisher chose them from the whole archive; an article it leaves
 * out lists none. A process that loads only some articles cannot choose
 * them itself.
 */
export type RelatedByArticle = Record<string, RelatedStory[]>;

/** The pages of a set of articles: each one's page and social card. */
export interface ArticlesScope {
  pages: "articles";
  /** The article files to load and render, relative to the content folder. */
  files: string[];
  /** The earlier stories each of these articles lists. */
  related: RelatedByArticle;
}

/**
 * Every page that is not an article's own: the front page, indexes,
 * listings, feeds, search; and the own pages of the articles it is given.
 */
export interface SiteScope {
  pages: "site";
  /**
   * When only some articles changed since the last build: the page keys
   * (src/lib/page-keys.ts) of the listings those changes touch
   * (src/lib/listings-to-remake.ts), the only ones made. Absent: every
   * listing is made.
   */
  made?: string[];
  /**
   * The archive index's file (src/lib/archive-index.ts): every article
   * file, its digest and checked frontmatter, as the publisher read them.
   * The process lists the articles from it, and reads only those it shows
   * in full. Absent (an `astro build` run by hand): it reads them all.
   */
  index?: string;
  /**
   * Articles whose own pages and cards this process makes besides the
   * listings, with the earlier stories they list: after a few changes,
   * making them here costs less than starting another Astro process.
   */
  articles?: { ids: string[]; related: RelatedByArticle };
}

/** Every page, for the publisher to join with the site's files. */
export interface WholeScope {
  pages: "all";
  /** The earlier stories each article lists. */
  related: RelatedByArticle;
}

export type BuildScope = ArticlesScope | SiteScope | WholeScope;

/** The environment variable that names the scope file. */
export const BUILD_SCOPE_VARIABLE = "BROADSHEET_BUILD_SCOPE";

/** Reads a scope file's JSON, refusing anything that is not a scope, since a wrong one would silently build the wrong pages. */
export function parseBuildScope(json: string): BuildScope {
  const value = JSON.parse(json) as {
    pages?: unknown;
    files?: unknown;
    made?: unknown;
    articles?: { ids?: unknown; related?: unknown };
    index?: unknown;
    related?: unknown;
  } | null;
  const strings = (list: unknown): list is string[] =>
    Array.isArray(list) && list.every((item) => typeof item === "string");
  const relatedByArticle = (related: unknown): RelatedByArticle => {
    if (
      typeof related !== "object" ||
      related === null ||
      !Object.values(related).every(Array.isArray)
    ) {
      throw new TypeError("build scope: `related` must give each article's earlier stories");
    }
    return related as RelatedByArticle;
  };
  if (value?.pages === "articles" && strings(value.files)) {
    return { pages: "articles", files: value.files, related: relatedByArticle(value.related) };
  }
  if (value?.pages === "all") {
    if (value.made || value.articles || value.index) {
      throw new TypeError('build scope: `made`, `articles` and `index` go with "site" only');
    }
    return { pages: "all", related: relatedByArticle(value.related) };
  }
  if (value?.pages === "site") {
    const { made, articles, index } = value;
    if (made !== undefined && !strings(made)) {
      throw new TypeError("build scope: `made` must list the page keys of the listings to make");
    }
    const ids = articles?.ids;
    if (articles !== undefined && !strings(ids)) {
      throw new TypeError("build scope: `articles` needs `ids`, a list of text, and `related`");
    }
    if (index !== undefined && typeof index !== "string") {
      throw new TypeError("build scope: `index` must be a path");
    }
    return {
      pages: "site",
      ...(made !== undefined && { made }),
      ...(index !== undefined && { index }),
      ...(articles && {
        articles: { ids: ids as string[], related: relatedByArticle(articles.related) },
      }),
    };
  }
  throw new TypeError('build scope: `pages` must be "articles" (with `files`), "site" or "all"');
}
