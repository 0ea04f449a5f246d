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
}

/**
 * Reads the heads of `files`, pages under `outDir`, once for the sitemap and
 * `_headers` both, rather than a pass for each. A few files at a time:
 * thousands of open files at once would run out of handles. Keeps only the
 * facts, not the heads.
 */
export async function readPageHeads(
  outDir: string,
  files: readonly string[],
): Promise<PageHeadFacts[]> {
  // A site has a few policies, each on many pages. Each page's facts take
  // the first page's copy: a policy cut from a head is a slice of it, and
  // kept, it kept the whole head alive (23 KB a page: 3.6 GB at 160,000).
  const policies = new Map<string, string>();
  const shared = (policy: string | undefined) => {
    if (policy === undefined) return undefined;
    const first = policies.get(policy);
    if (first !== undefined) return first;
    policies.set(policy, policy);
    return policy;
  };
  return mapLimited(files, 64, async (file) => {
    const head = await pageHead(file);
    return {
      path: relative(outDir, file).split(sep).join("/"),
      noindex: asksNotToBeIndexed(head),
      policy: shared(metaPolicy(head)),
    };
  });
}

/** The policy of a page's CSP `<meta>`, unescaped. */
function metaPolicy(head: string): string | undefined {
  const found = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(head);
  return found?.[1]?.replaceAll("&quot;", '"').replaceAll("&amp;", "&");
}
