import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { htmlFiles, readPageHeads } from "./html-files.ts";
import { indexSite, type SearchYearResult } from "./search-index.ts";
import { writeHeadersFile } from "./security-headers.ts";
import { writeSitemap } from "./sitemap.ts";

/** Where the site is served, and Astro's asset folder. */
export interface SiteLocation {
  site: string;
  base: string;
  assetsDir: string;
}

/** What `writeSiteFiles` may leave as it was. */
export interface SiteFilesOptions {
  /** Only these years of the search index are made again (see `indexSite`); absent, every year. */
  searchYears?: ReadonlySet<string>;
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
  policies: number;
}

/**
 * Makes the files that follow every page of a built site: the search index,
 * the sitemap, and `_headers` (last, since it covers the search index's
 * files too). A build of the whole site makes them at its end; `npm run
 * build`, which builds in parts, once the parts are joined.
 */
export async function writeSiteFiles(
  outDir: string,
  { site, base, assetsDir }: SiteLocation,
  { searchYears }: SiteFilesOptions = {},
): Promise<SiteFilesReport> {
  // The pages are listed before the search index starts writing beside
  // them, then their heads are read while Pagefind's service (a process of
  // its own) indexes.
  const pages = await htmlFiles(outDir);
  const [search, heads] = await Promise.all([
    indexSite(outDir, searchYears && { years: searchYears }),
    readPageHeads(outDir, pages),
  ]);
  const sitemapPages = await writeSitemap(outDir, { site, base }, heads);
  const policies = await writeHeadersFile(outDir, { base, assetsDir }, heads);
  return {
    searchPages: search.pages,
    searchSeconds: search.seconds,
    searchYears: search.years,
    searchYearsRemoved: search.removed,
    sitemapPages,
    policies,
  };
}

/** Runs `writeSiteFiles` at the end of a build of the whole site; a build of a part leaves them to `npm run build`. */
export function siteFiles({ wholeSite }: { wholeSite: boolean }): AstroIntegration {
  let location: SiteLocation | undefined;
  return {
    name: "broadsheet:site-files",
    hooks: {
      "astro:config:done": ({ config }) => {
        location = {
          site: config.site ?? "http://localhost:4321",
          base: config.base,
          assetsDir: config.build.assets,
        };
      },
      "astro:build:done": async ({ dir, logger }) => {
        if (!wholeSite || !location) return;
        const report = await writeSiteFiles(fileURLToPath(dir), location);
        logger.info(
          `search index: ${report.searchPages} pages in ${report.searchSeconds.toFixed(1)} s; ` +
            `sitemap: ${report.sitemapPages} pages; _headers: ${report.policies} page policies`,
        );
      },
    },
  };
}
