import * as cheerio from "cheerio";
import { XMLParser } from "fast-xml-parser";

/** A reference from one URL to another, and where it was found. */
export interface Reference {
  from: string;
  to: string;
  /** What holds the URL: "a[href]", "og:image", "rss item link", … */
  via: string;
}

/** A reference that does not work, and why. */
export interface Broken extends Reference {
  reason: string;
}

/** What a crawl found. */
export interface CrawlResult {
  /** Every HTML page fetched, by URL (on the site's public origin). */
  pages: string[];
  /** Every URL fetched, each once, fragments dropped. */
  fetched: string[];
  /** Every reference checked (fragments included), on the site's public origin. */
  references: Reference[];
  /** References to other hosts: recorded, not fetched (tests reach no network). */
  external: Reference[];
  broken: Broken[];
}

interface Fetched {
  status: number;
  type: string;
  body: string;
  /** The ids in an HTML page, for its fragments. */
  ids?: Set<string>;
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

/** The values of a parsed XML node that may be one value or a list. */
function list<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * Crawls a site served under `serverUrl` as it will be published under
 * `publicUrl` (absolute links name the public origin and are fetched from the
 * server instead). It follows every URL in HTML (links, assets, social tags,
 * JSON-LD), in RSS (items and their content) and in sitemaps and robots.txt,
 * and checks that each answers 200 and each `#fragment` is an id on its page.
 */
export async function crawl(
  serverUrl: string,
  publicUrl: string,
  seeds: readonly string[],
): Promise<CrawlResult> {
  const server = new URL(serverUrl);
  const site = new URL(publicUrl);
  const toServer = (url: URL) => new URL(url.pathname + url.search, server.origin).href;
  const cache = new Map<string, Promise<Fetched>>();
  const result: CrawlResult = { pages: [], fetched: [], references: [], external: [], broken: [] };
  const queue: Reference[] = seeds.map((seed) => ({
    from: "(seed)",
    to: new URL(seed, site).href,
    via: "seed",
  }));

  const fetchOnce = (url: string) => {
    let entry = cache.get(url);
    if (entry === undefined) {
      entry = (async () => {
        const response = await fetch(toServer(new URL(url)), { redirect: "manual" });
        const type = response.headers.get("content-type") ?? "";
        const body = await response.text();
        result.fetched.push(url);
        const fetched: Fetched = { status: response.status, type, body };
        if (response.status === 200 && type.startsWith("text/html")) {
          result.pages.push(url);
          const $ = cheerio.load(body);
          fetched.ids = new Set(
            $("[id]")
              .map((_, element) => $(element).attr("id")!)
              .get(),
          );
          queue.push(...htmlReferences($, url));
        } else if (response.status === 200 && /xml/.test(type)) {
          queue.push(...xmlReferences(body, url));
        } else if (response.status === 200 && url.endsWith("/robots.txt")) {
          for (const [, sitemap] of body.matchAll(/^Sitemap:\s*(\S+)/gim)) {
            queue.push({ from: url, to: sitemap!, via: "robots.txt Sitemap" });
          }
        }
        return fetched;
      })();
      cache.set(url, entry);
    }
    return entry;
  };

  while (queue.length > 0) {
    const batch = queue.splice(0, queue.length);
    await Promise.all(
      batch.map(async (reference) => {
        let target: URL;
        try {
          target = new URL(reference.to, reference.from === "(seed)" ? site : reference.from);
        } catch {
          result.broken.push({ ...reference, reason: "not a URL" });
          return;
        }
        if (target.origin !== site.origin) {
          if (/^https?:$/.test(target.protocol)) result.external.push(reference);
          return;
        }
        const resolved = { ...reference, to: target.href };
        result.references.push(resolved);
        const fragment = target.hash.slice(1);
        target.hash = "";
        const page = await fetchOnce(target.href);
        if (page.status !== 200) {
          result.broken.push({ ...resolved, reason: `HTTP ${page.status}` });
        } else if (fragment !== "" && !page.ids?.has(decodeURIComponent(fragment))) {
          result.broken.push({ ...resolved, reason: `no element with id "${fragment}"` });
        }
      }),
    );
  }
  result.pages.sort();
  result.fetched.sort();
  return result;
}

/** Every URL an HTML page refers to. */
function htmlReferences($: cheerio.CheerioAPI, from: string): Reference[] {
  const found: Reference[] = [];
  const add = (to: string | undefined, via: string) => {
    if (to !== undefined && to.trim() !== "" && !/^(mailto|tel|data):/i.test(to)) {
      found.push({ from, to: to.trim(), via });
    }
  };
  $("[href]").each((_, element) => add($(element).attr("href"), `${element.tagName}[href]`));
  $("[src]").each((_, element) => add($(element).attr("src"), `${element.tagName}[src]`));
  $("[srcset]").each((_, element) => {
    for (const candidate of ($(element).attr("srcset") ?? "").split(",")) {
      add(candidate.trim().split(/\s+/)[0], `${element.tagName}[srcset]`);
    }
  });
  // A page that sends the reader on (an article's former URL): where to.
  $('meta[http-equiv="refresh"]').each((_, element) => {
    const target = /;\s*url=(.*)$/i.exec($(element).attr("content") ?? "")?.[1];
    add(target?.replace(/^(["'])(.*)\1$/, "$2"), "meta refresh");
  });
  $('meta[property="og:url"], meta[property="og:image"], meta[name="twitter:image"]').each(
    (_, element) =>
      add($(element).attr("content"), $(element).attr("property") ?? $(element).attr("name")!),
  );
  $('script[type="application/ld+json"]').each((_, element) => {
    const visit = (value: unknown, key: string) => {
      if (
        typeof value === "string" &&
        ["url", "@id", "image", "logo", "correctionsPolicy", "publishingPrinciples"].includes(key)
      )
        add(value, `JSON-LD ${key}`);
      if (Array.isArray(value)) for (const item of value) visit(item, key);
      else if (value !== null && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) visit(v, k);
      }
    };
    visit(JSON.parse($(element).text()), "");
  });
  return found;
}

/** Every URL an RSS feed, a sitemap or a sitemap index refers to. */
function xmlReferences(body: string, from: string): Reference[] {
  const doc = xml.parse(body);
  const found: Reference[] = [];
  const channel = doc.rss?.channel;
  if (channel) {
    found.push({ from, to: channel.link, via: "rss channel link" });
    for (const atom of list(channel["atom:link"]))
      found.push({ from, to: atom["@href"], via: "rss atom:link" });
    for (const item of list<Record<string, string>>(channel.item)) {
      found.push({ from, to: item["link"]!, via: "rss item link" });
      // An item's content is HTML shown away from the site: its links must work too.
      const $ = cheerio.load(item["content:encoded"] ?? "");
      found.push(
        ...htmlReferences($, item["link"]!).map((ref) => ({
          ...ref,
          from,
          via: `rss content ${ref.via}`,
        })),
      );
    }
  }
  for (const entry of list<{ loc: string }>(doc.sitemapindex?.sitemap)) {
    found.push({ from, to: entry.loc, via: "sitemap index loc" });
  }
  for (const entry of list<{ loc: string }>(doc.urlset?.url)) {
    found.push({ from, to: entry.loc, via: "sitemap loc" });
  }
  return found;
}
