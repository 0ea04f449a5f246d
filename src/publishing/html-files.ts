import { open, readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { mapLimited } from "../lib/concurrency.ts";

/** Every HTML file under a folder, sorted: the pages a build wrote. */
export async function htmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The start of a page, up to and including its `</head>`: enough to read
 * its `<meta>` tags without reading a long article whole. The whole page
 * when its head is longer than the first 16 KiB.
 */
export async function pageHead(file: string): Promise<string> {
  const handle = await open(file);
  try {
    const head = Buffer.alloc(16 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const text = head.toString("utf8", 0, bytesRead);
    const end = text.indexOf("</head>");
    if (end >= 0) return text.slice(0, end + "</head>".length);
    return bytesRead === head.length ? await readFile(file, "utf8") : text;
  } finally {
    await handle.close();
  }
}

/** Whether a page's head asks search engines not to index it (the 404 page, an article's former URL). */
export function asksNotToBeIndexed(head: string): boolean {
  return /<meta name="robots" content="[^"]*\bnoindex\b[^"]*">/.test(head);
}

/** What the site's files need from a page's head. */
export interface PageHeadFacts {
  /** The page's path in the build, with forward slashes: "articles/2015/…/index.html". */
  path: string;
  /** Whether it asks search engines not to index it. */
  noindex: boolean;
  /** Its CSP `<meta>` policy, unescaped; undefined when it has none. */
  policy: string | undefined;
  /** An article page's facts for the news sitemap, as its Open Graph tags say them; undefined on other pages. */
  article?: ArticleHeadFacts | undefined;
}

/** What an article page's head says of it, unescaped. */
export interface ArticleHeadFacts {
  /** Its headline (`og:title`). */
  title: string;
  /** When it was published (`article:published_time`): ISO 8601 with its zone's offset. */
  published: string;
  /** The site's name (`og:site_name`). */
  siteName: string;
  /** The page's language (`<html lang>`). */
  language: string;
}

/**
 * Reads the heads of `files`, pages under `outDir`, once for the sitemaps and
 * `_headers` all, rather than a pass for each. A few files at a time:
 * thousands of open files at once would run out of handles. Keeps only the
 * facts, not the heads. A page in `known` (by path) is not read: its facts
 * are those, as a build that carried the page over from the last one knows.
 */
export async function readPageHeads(
  outDir: string,
  files: readonly string[],
  known: ReadonlyMap<string, PageHeadFacts> = new Map(),
): Promise<PageHeadFacts[]> {
  // A site has a few policies (and one name and language), each on many
  // pages. Each page's facts take the first page's copy: a policy cut from a
  // head is a slice of it, and kept, it kept the whole head alive (23 KB a
  // page: 3.6 GB at 160,000).
  const firsts = new Map<string, string>();
  const shared = (text: string | undefined) => {
    if (text === undefined) return undefined;
    const first = firsts.get(text);
    if (first !== undefined) return first;
    firsts.set(text, text);
    return text;
  };
  return mapLimited(files, 64, async (file) => {
    const path = relative(outDir, file).split(sep).join("/");
    const facts = known.get(path);
    if (facts) return facts;
    const head = await pageHead(file);
    const noindex = asksNotToBeIndexed(head);
    const published = noindex ? undefined : metaContent(head, "article:published_time");
    return {
      path,
      noindex,
      policy: shared(metaPolicy(head)),
      ...(published !== undefined && {
        article: {
          // Copies, not slices: a slice keeps the whole head alive, as above.
          title: ownCopy(metaContent(head, "og:title") ?? ""),
          published: ownCopy(published),
          siteName: shared(metaContent(head, "og:site_name")) ?? "",
          language: shared(/<html lang="([^"]*)"/.exec(head)?.[1]) ?? "",
        },
      }),
    };
  });
}

/** The `content` of an Open Graph `<meta property>`, unescaped; undefined when the head has none. */
function metaContent(head: string, property: string): string | undefined {
  const found = new RegExp(`<meta property="${property}" content="([^"]*)">`).exec(head);
  return found?.[1] === undefined ? undefined : unescapeAttribute(found[1]);
}

/** An attribute's value as written in HTML, unescaped: Astro writes `&amp;`, `&lt;`, `&quot;`, `&#39;` and the like. */
function unescapeAttribute(value: string): string {
  return value.replace(/&(?:#(\d+)|#x([\da-f]+)|(amp|lt|gt|quot|apos));/gi, (_, dec, hex, name) =>
    dec || hex
      ? String.fromCodePoint(Number.parseInt(dec ?? hex, dec ? 10 : 16))
      : { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[(name as string).toLowerCase()]!,
  );
}

/** A string of its own, not a slice of a longer one, which would keep the longer one alive. */
function ownCopy(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}

/** The policy of a page's CSP `<meta>`, unescaped. */
function metaPolicy(head: string): string | undefined {
  const found = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(head);
  return found?.[1]?.replaceAll("&quot;", '"').replaceAll("&amp;", "&");
}
