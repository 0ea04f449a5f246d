import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CheerioAPI } from "cheerio";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { articlePath } from "../../src/lib/site-urls";
import { FEED_ITEM_LIMIT } from "../../src/lib/feed";
import { buildSite, type BuildResult } from "../support/build";
import { loadPage } from "../support/html";
import { unsafeParts, xssPayloads } from "../support/xss";

const payloads = await xssPayloads();
const published = "2024-03-01";
const headline = "<script>alert(1)</script> Talks “Resume” & <b>Go On</b>";
/** The page that carries its payloads in the frontmatter. */
const frontmatterPage = `${articlePath({ headline, published })}index.html`;

/** An article file: JSON is YAML, and keeps every character of a payload as it is. */
function article(frontmatter: Record<string, unknown>, body: string): string {
  const fields = {
    bullets: ["A point"],
    byline: { organisation: "Wire" },
    published,
    timezone: "UTC",
  };
  return `---\n${JSON.stringify({ ...fields, ...frontmatter }, null, 2)}\n---\n\n${body}\n`;
}

/** The article of one payload: one payload an article, so no unclosed tag hides the next. */
const payloadSource = (payload: string, index: number) =>
  article({ headline: `Payload ${index + 1}` }, `Before.\n\n${payload}\n\nAfter.`);
const payloadPage = (index: number) =>
  `${articlePath({ headline: `Payload ${index + 1}`, published })}index.html`;
const payloadFile = (index: number) => `payload-${index + 1}.md`;

const frontmatterPayloads = {
  headline,
  bullets: ['<img src=x onerror="alert(1)">', "</li><script>alert(1)</script>"],
  byline: {
    organisation: "<svg onload=alert(1)>Wire</svg>",
    authors: ['"><script>alert(1)</script>'],
  },
  description: '"><script>alert(1)</script>',
  updateNote: "</p><script>alert(1)</script>",
  related: [{ title: "<iframe src=javascript:alert(1)>", url: "https://example.org/?q=<script>" }],
};

/** One build's articles: a share of the payloads, so that every one of them is in the feed. */
interface Site {
  contentDir: string;
  build: BuildResult;
  indexes: number[];
}

const sites: Site[] = [];
/** The scripts every article page has of its own: structured data and the copy-link module. */
let ownModuleScripts: string[];

beforeAll(async () => {
  const perBuild = FEED_ITEM_LIMIT - 1;
  for (let start = 0; start < payloads.length; start += perBuild) {
    const indexes = payloads.map((_, index) => index).slice(start, start + perBuild);
    const contentDir = await mkdtemp(join(tmpdir(), "broadsheet-xss-"));
    await Promise.all(
      indexes.map((index) =>
        writeFile(join(contentDir, payloadFile(index)), payloadSource(payloads[index]!, index)),
      ),
    );
    if (start === 0) {
      await writeFile(join(contentDir, "frontmatter.md"), article(frontmatterPayloads, "Body."));
    }
    const build = await buildSite({ CONTENT_DIR: contentDir });
    sites.push({ contentDir, build, indexes });
    expect(build.exitCode, build.output).toBe(0);
  }
  const g20 = await loadPage(
    inject("distDir"),
    "articles/2015-11-15/putin-goes-from-g-20-pariah-to-player-at-obama-turkey-talk/index.html",
  );
  ownModuleScripts = g20('script[type="module"]')
    .map((_, script) => g20(script).text())
    .get();
});
afterAll(async () => {
  for (const { contentDir, build } of sites) {
    await rm(contentDir, { recursive: true, force: true });
    await rm(build.workDir, { recursive: true, force: true });
  }
});

/** The page's scripts that are not its own. */
function strangeScripts($: CheerioAPI): string[] {
  return $("script")
    .toArray()
    .map((script) => ({ type: $(script).attr("type"), text: $(script).text() }))
    .filter(({ type, text }) => {
      // Structured data, whose "<" are escaped so no text can end the element.
      if (type === "application/ld+json") return text.includes("<") || !isJson(text);
      return !(type === "module" && ownModuleScripts.includes(text));
    })
    .map(({ text }) => text);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Each payload with the site it was built in. */
const each = () =>
  sites.flatMap((site) =>
    site.indexes.map((index) => ({ site, index, payload: payloads[index]! })),
  );

describe(`${payloads.length} XSS payloads, each in an article's body`, () => {
  test("leave nothing in the article that could run script or reach outside it", async () => {
    expect(payloads.length).toBeGreaterThanOrEqual(80);
    expect(each()).toHaveLength(payloads.length);
    for (const { site, index, payload } of each()) {
      const $ = await loadPage(site.build.outDir, payloadPage(index));
      // An unclosed tag may take the rest of the body with it, never the page.
      // The text block opens with the bullets, which come from the frontmatter.
      const markdown = $(".article-body").clone();
      markdown.children(".bullets").remove();
      expect(markdown.text(), payload).toMatch(/^\s*Before\./);
      expect(unsafeParts($(".article-body").html()!, { inArticle: true }), payload).toEqual([]);
    }
  });

  test("leave no script but the page's own, no event handler and no duplicate id on the page", async () => {
    for (const { site, index, payload } of each()) {
      const $ = await loadPage(site.build.outDir, payloadPage(index));
      expect(strangeScripts($), payload).toEqual([]);
      // The page's own <head> has its <meta> and <link> elements.
      expect(unsafeParts($("body").html()!), payload).toEqual([]);
      const ids = $("[id]")
        .map((_, element) => $(element).attr("id"))
        .get();
      expect(new Set(ids).size, payload).toBe(ids.length);
    }
  });

  test("leave nothing that could run script in the feed, read by a feed parser", async () => {
    for (const site of sites) {
      const xml = await readFile(join(site.build.outDir, "rss.xml"), "utf8");
      const feed = await new Parser<object, { "content:encoded"?: string }>().parseString(xml);
      for (const index of site.indexes) {
        const item = feed.items.find(({ title }) => title === `Payload ${index + 1}`);
        expect(item, payloads[index]).toBeDefined();
        const content = item!["content:encoded"] ?? "";
        expect(content, payloads[index]).toContain("Before.");
        expect(unsafeParts(content), payloads[index]).toEqual([]);
        expect(unsafeParts(item!.content ?? ""), payloads[index]).toEqual([]);
      }
    }
  });

  test("are reported as warnings naming the file, for all but those Markdown kept as text", () => {
    // Each payload starts on the same line of its file.
    const line = payloadSource("x", 0).split("\n").indexOf("x") + 1;
    const warning = (site: Site, index: number) =>
      `[WARN] [articles] ${join(site.contentDir, payloadFile(index))}:${line}: removed `;
    const warned = each().filter(({ site, index }) =>
      site.build.output.includes(warning(site, index)),
    );
    expect(warned.length).toBeGreaterThanOrEqual(payloads.length - 3);
    expect(sites[0]!.build.output).toContain(
      `${warning(sites[0]!, 0)}<script> and everything in it: it is not allowed in articles`,
    );
  });
});

describe("markup in an article's frontmatter", () => {
  test("is shown as text, never run", async () => {
    const $ = await loadPage(sites[0]!.build.outDir, frontmatterPage);
    expect(strangeScripts($)).toEqual([]);
    expect(unsafeParts($("body").html()!)).toEqual([]);
    expect($("h1").text()).toBe(headline);
    expect($(".bullets li").first().text()).toBe('<img src=x onerror="alert(1)">');
    expect($(".update-note").text()).toBe("</p><script>alert(1)</script>");
    expect($('meta[name="description"]').attr("content")).toBe('"><script>alert(1)</script>');
  });

  test("stays text in the feed", async () => {
    const xml = await readFile(join(sites[0]!.build.outDir, "rss.xml"), "utf8");
    const feed = await new Parser<object, { "content:encoded"?: string }>().parseString(xml);
    const item = feed.items.find(({ title }) => title === headline);
    expect(item).toBeDefined();
    // rss-parser's `content` is the description, which readers render as HTML.
    expect(unsafeParts(item!.content ?? "")).toEqual([]);
    expect(item!.contentSnippet).toBe('"><script>alert(1)</script>');
    expect(unsafeParts(item!["content:encoded"] ?? "")).toEqual([]);
  });
});
