import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { articlePath } from "../../src/lib/article-path";
import { buildSite, type BuildResult } from "../support/build";
import { loadPage } from "../support/html";
import { unsafeParts, xssPayloads } from "../support/xss";

const payloads = await xssPayloads();
const published = "2024-03-01";
const headline = "<script>alert(1)</script> Talks “Resume” & <b>Go On</b>";

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

/** The article that carries its payloads in the frontmatter. */
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

/** The article of one payload. */
const payloadSource = (payload: string, index: number) =>
  article({ headline: `Payload ${index + 1}` }, `Before.\n\n${payload}\n\nAfter.`);

const payloadPage = (index: number) =>
  `${articlePath({ headline: `Payload ${index + 1}`, published })}index.html`;

let contentDir: string;
let build: BuildResult;
beforeAll(async () => {
  contentDir = await mkdtemp(join(tmpdir(), "broadsheet-xss-"));
  // One article a payload, so that no payload's unclosed tag hides the next one.
  await Promise.all(
    payloads.map((payload, index) =>
      writeFile(join(contentDir, `payload-${index + 1}.md`), payloadSource(payload, index)),
    ),
  );
  await writeFile(join(contentDir, "frontmatter.md"), article(frontmatterPayloads, "Body."));
  build = await buildSite({ CONTENT_DIR: contentDir });
  expect(build.exitCode, build.output).toBe(0);
});
afterAll(async () => {
  await rm(contentDir, { recursive: true, force: true });
  await rm(build.outDir, { recursive: true, force: true });
});

describe(`${payloads.length} XSS payloads, each in an article's body`, () => {
  test("leave nothing in the article that could run script or reach outside it", async () => {
    expect(payloads.length).toBeGreaterThanOrEqual(80);
    for (const [index, payload] of payloads.entries()) {
      const $ = await loadPage(build.outDir, payloadPage(index));
      // An unclosed tag may take the rest of the body with it, never the page.
      expect($(".article-body").text(), payload).toMatch(/^\s*Before\./);
      expect(unsafeParts($(".article-body").html()!, { inArticle: true }), payload).toEqual([]);
    }
  });

  test("leave no script, event handler or duplicate id anywhere on the page", async () => {
    for (const [index, payload] of payloads.entries()) {
      const $ = await loadPage(build.outDir, payloadPage(index));
      expect($("script"), payload).toHaveLength(0);
      // The page's own <head> has its <meta> and <link> elements.
      expect(unsafeParts($("body").html()!), payload).toEqual([]);
      const ids = $("[id]")
        .map((_, element) => $(element).attr("id"))
        .get();
      expect(new Set(ids).size, payload).toBe(ids.length);
    }
  });

  test("are reported as warnings naming the file, for all but those Markdown kept as text", () => {
    // Each payload starts on the same line of its file.
    const line = payloadSource("x", 0).split("\n").indexOf("x") + 1;
    const warning = (index: number) =>
      `[WARN] [articles] ${join(contentDir, `payload-${index + 1}.md`)}:${line}: removed `;
    const warned = payloads.filter((_, index) => build.output.includes(warning(index)));
    expect(warned.length).toBeGreaterThanOrEqual(payloads.length - 3);
    expect(build.output).toContain(
      `${warning(0)}<script> and everything in it: it is not allowed in articles`,
    );
  });
});

describe("markup in an article's frontmatter", () => {
  test("is shown as text, never run", async () => {
    const $ = await loadPage(build.outDir, `${articlePath({ headline, published })}index.html`);
    expect($("script")).toHaveLength(0);
    expect(unsafeParts($("body").html()!)).toEqual([]);
    expect($("h1").text()).toBe(headline);
    expect($("article header ul li").first().text()).toBe('<img src=x onerror="alert(1)">');
    expect($(".update-note").text()).toBe("</p><script>alert(1)</script>");
    expect($('meta[name="description"]').attr("content")).toBe('"><script>alert(1)</script>');
  });
});
