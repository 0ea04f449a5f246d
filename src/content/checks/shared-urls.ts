import { articlePath, formerArticlePaths, type ArticlePathFields } from "../../lib/site-urls.ts";
import type { Problem } from "./problems.ts";

/** An article's file and the fields its URL is made from. */
export interface UrlEntry {
  file: string;
  data: ArticlePathFields;
}

/** One article's claim on a URL: its page, or a former URL that sends readers to it. */
interface Claim {
  file: string;
  /** The former slug, for a former URL; undefined for the article's own page. */
  former?: string;
}

/**
 * Articles that would get the same URL (same date, same slug), which would
 * leave one of them unpublished. An article's former URLs (`formerSlugs`)
 * are taken as well: one that is another article's URL, or another's former
 * URL, would send old links to the wrong article, or make two pages at one
 * address. Drafts count: publishing one must not take another article's
 * page. Each problem names both files; `involving` keeps only the clashes of
 * one file.
 */
export function findSharedUrls(
  entries: readonly UrlEntry[],
  { involving }: { involving?: string } = {},
): Problem[] {
  const byPath = new Map<string, Claim[]>();
  const claim = (path: string, claim: Claim) => {
    const claims = byPath.get(path) ?? [];
    // One article listing its own URL, or a former slug twice, is the schema's to report.
    if (!claims.some(({ file }) => file === claim.file)) claims.push(claim);
    byPath.set(path, claims);
  };
  for (const { file, data } of entries) {
    claim(articlePath(data), { file });
    const formerSlugs = data.formerSlugs ?? [];
    formerArticlePaths(data).forEach((path, index) => claim(path, { file, former: formerSlugs[index]! }));
  }
  const problems: Problem[] = [];
  for (const [path, claims] of byPath) {
    if (claims.length < 2) continue;
    if (involving !== undefined && !claims.some(({ file }) => file === involving)) continue;
    const byFile = (a: Claim, b: Claim) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
    const pages = claims.filter(({ former }) => former === undefined).sort(byFile);
    const formers = claims.filter(({ former }) => former !== undefined).sort(byFile);
    const [firstPage, ...otherPages] = pages;
    for (const { file } of otherPages) {
      problems.push({
        file,
        message: `would have the same URL as ${firstPage!.file} (/${path}): give one of them its own \`slug\``,
      });
    }
    if (firstPage !== undefined) {
      for (const { file, former } of formers) {
        problems.push({
          file,
          message:
            `\`formerSlugs\` lists “${former}”, but /${path} is the URL of ${firstPage.file}: ` +
            "its old links must not lead elsewhere; take it out of `formerSlugs`",
        });
      }
    } else {
      const [firstFormer, ...otherFormers] = formers;
      for (const { file, former } of otherFormers) {
        problems.push({
          file,
          message:
            `\`formerSlugs\` lists “${former}”, which ${firstFormer!.file} lists too (/${path}): ` +
            "an old URL can lead to one article only; keep it in one of them",
        });
      }
    }
  }
  return problems;
}
