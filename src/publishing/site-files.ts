import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { buildDate } from "../lib/build-date.ts";
import type { SiteLocation } from "../lib/site-urls.ts";
import { DEFAULT_SITE_URL } from "./deployment.ts";
import { htmlFiles, readPageHeads, type PageHeadFacts } from "./html-files.ts";
import { indexSite, type SearchYearResult } from "./search-index.ts";
import { writeHeadersFile } from "./security-headers.ts";
import { writeNewsSitemap, writeSitemap, type NewsSitemapReport } from "./sitemap.ts";

/** What the build put where, when it is, and what `writeSiteFiles` may leave as it was. */
export interface SiteFilesOptions {
  /** Astro's folder of hashed assets in the build, its `build.assets` ("_astro"). */
  assetsDir: string;
  /**
   * The build's date (`buildDate`): the news sitemap lists the articles of
   * the two days before it. Read once by the caller, so that every kind of
   * build made at one date writes the same files.
   */
  date: Date;
  /** Only these years of the search index are made again (see `indexSite`); absent, every year. */
  searchYears?: ReadonlySet<string>;
  /** Pages whose heads are not read again: their facts, by path, as the last build read them. */
  knownHeads?: ReadonlyMap<string, PageHeadFacts>;
  /** Every file of the site, by its path in `outDir`, when the caller knows them: the pages are not looked for again. */
  files?: readonly string[];
}

/** What the site-wide files took. */
export interface SiteFilesReport {
  searchPages: number;
  searchSeconds: number;
  /** The years of the search index made again, and what each took. */
  searchYears: Record<string, SearchYearResult>;
  /** The years whose search index was removed: they have no articles any more. */
  searchYearsRemoved: string[];
  sitemapPages: number;
  /** What the news sitemap lists, and the build dates that would write it the same. */
  newsSitemap: NewsSitemapReport;
  policies: number;
  /** What every page's head said, for the next build to keep for the pages it carries over. */
  heads: PageHeadFacts[];
}

/** What a build's report says of the site's files: all but the pages' heads, which its manifest keeps. */
export type SiteFilesSummary = Omit<SiteFilesReport, "heads">;

/**
 * Makes the files that follow every page of a built site: the search index,
 * the sitemap, the news sitemap, and `_headers` (last, since it covers the
 * search index's files too). A build of the whole site makes them at its
 * end; `npm run build`, which builds in parts, once the parts are joined.
 */
export async function writeSiteFiles(
  outDir: string,
  location: SiteLocation,
  { assetsDir, date, searchYears, knownHeads, files }: SiteFilesOptions,
): Promise<SiteFilesReport> {
  // The pages are listed before the search index starts writing beside
  // them, then their heads are read while Pagefind's service (a process of
  // its own) indexes.
  const pages = files
    ? files.filter((path) => path.endsWith(".html")).map((path) => join(outDir, path))
    : await htmlFiles(outDir);
  const [search, heads] = await Promise.all([
    indexSite(outDir, { ...(searchYears && { years: searchYears }), pages }),
    readPageHeads(outDir, pages, knownHeads),
  ]);
  const sitemapPages = await writeSitemap(outDir, location, heads);
  const newsSitemap = await writeNewsSitemap(outDir, location, heads, date);
  const policies = await writeHeadersFile(outDir, location, assetsDir, heads);
  return {
    searchPages: search.pages,
    searchSeconds: search.seconds,
    searchYears: search.years,
    searchYearsRemoved: search.removed,
    sitemapPages,
    newsSitemap,
    policies,
    heads,
  };
}

/** Runs `writeSiteFiles` at the end of a build of the whole site; a build of a part leaves them to `npm run build`. */
export function siteFiles({ wholeSite }: { wholeSite: boolean }): AstroIntegration {
  let built: { location: SiteLocation; assetsDir: string } | undefined;
  let date: Date | undefined;
  return {
    name: "broadsheet:site-files",
    hooks: {
      "astro:config:done": ({ config }) => {
        built = {
          location: { site: config.site ?? DEFAULT_SITE_URL, base: config.base },
          assetsDir: config.build.assets,
        };
        // Read as the build starts, so a malformed SOURCE_DATE_EPOCH stops it before any page is made.
        if (wholeSite) date = buildDate(process.env);
      },
      "astro:build:done": async ({ dir, logger }) => {
        if (!wholeSite || !built || !date) return;
        const report = await writeSiteFiles(fileURLToPath(dir), built.location, {
          assetsDir: built.assetsDir,
          date,
        });
        logger.info(
          `search index: ${report.searchPages} pages in ${report.searchSeconds.toFixed(1)} s; ` +
            `sitemap: ${report.sitemapPages} pages; news sitemap: ${report.newsSitemap.articles} articles; ` +
            `_headers: ${report.policies} page policies`,
        );
      },
    },
  };
}
