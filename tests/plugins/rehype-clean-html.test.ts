import * as cheerio from "cheerio";
import rehypeRaw from "rehype-raw";
import rehypeStringify from "rehype-stringify";
import { remark } from "remark";
import remarkRehype from "remark-rehype";
import { describe, expect, test } from "vitest";
import { messagesKey, type DocumentMessage } from "../../src/lib/document-messages";
import rehypeCleanHtml from "../../src/markdown/plugins/rehype-clean-html";
import { articleHtmlSchema } from "../../src/markdown/article-html-schema";
import { renderMarkdown } from "../support/markdown";
import { unsafeParts, xssPayloads } from "../support/xss";

async function clean(markdown: string) {
  const file = await remark()
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeCleanHtml, { schema: articleHtmlSchema })
    .use(rehypeStringify)
    .process(markdown);
  const warnings = file.messages.map(({ reason, line, column, fatal }) => ({
    reason,
    line,
    column,
    fatal,
  }));
  return { html: String(file), warnings };
}

const payloads = await xssPayloads();

describe("rehypeCleanHtml", () => {
  test("keeps what articles use: links, images, tables, figures, quotes", async () => {
    const html = [
      '<p>See <a href="https://example.org/a?b=c#d">the source</a> and <a href="/articles/">more</a>.</p>',
      '<figure><img src="https://example.org/a.jpg" alt="Putin and Obama" width="600"><figcaption>Antalya</figcaption></figure>',
      "<table><caption>Votes</caption><thead><tr><th>Party</th></tr></thead><tbody><tr><td>A</td></tr></tbody></table>",
      '<blockquote cite="https://example.org/">A quote</blockquote>',
      '<p><abbr title="Group of 20">G-20</abbr>, <time datetime="2015-11-15">Sunday</time>, <mark>marked</mark>, <small>small</small>, <cite>Bloomberg</cite>.</p>',
    ].join("\n");
    const result = await clean(html);
    expect(result.html).toBe(html);
    expect(result.warnings).toEqual([]);
  });

  test("warns about each element it removes, where it was", async () => {
    const { html, warnings } = await clean(
      "Before.\n\n<script>alert(1)</script>\n\nAfter <font>kept</font>.",
    );
    expect(html).toBe("<p>Before.</p>\n\n<p>After kept.</p>");
    expect(warnings).toEqual([
      {
        reason: "removed <script> and everything in it: it is not allowed in articles",
        line: 3,
        column: 1,
        fatal: false,
      },
      {
        reason: "removed <font> but kept its text: it is not allowed in articles",
        line: 5,
        column: 7,
        fatal: false,
      },
    ]);
  });

  test("warns about each attribute it removes, with its value", async () => {
    const { html, warnings } = await clean(
      '<img src="x.png" onerror="alert(1)"> [a](javascript:alert(1))',
    );
    expect(html).toBe('<p><img src="x.png"> <a>a</a></p>');
    expect(warnings.map(({ reason }) => reason)).toEqual([
      'removed onerror="alert(1)" from <img>: it is not allowed in articles',
      'removed href="javascript:alert(1)" from <a>: it is not allowed in articles',
    ]);
  });

  test("removes pasted ids and names, which could take the page's ids or clobber its globals", async () => {
    const { html, warnings } = await clean(
      '<p id="main">One</p>\n\n<img name="cookie" src="a.png">',
    );
    expect(html).toBe('<p>One</p>\n<img src="a.png">');
    expect(warnings.map(({ reason }) => reason)).toEqual([
      'removed id="main" from <p>: it is not allowed in articles',
      'removed name="cookie" from <img>: it is not allowed in articles',
    ]);
  });

  test("does not report what it removes inside an element it removes whole", async () => {
    const { warnings } = await clean(
      '<svg onload="alert(1)"><a href="javascript:alert(1)">x</a></svg>',
    );
    expect(warnings.map(({ reason }) => reason)).toEqual([
      "removed <svg> and everything in it: it is not allowed in articles",
    ]);
  });
});

describe("the project's Markdown pipeline", () => {
  test(`lets none of the ${payloads.length} XSS payloads through, and warns about each it cleans`, async () => {
    expect(payloads.length).toBeGreaterThanOrEqual(80);
    let shownAsText = 0;
    for (const payload of payloads) {
      const { html, frontmatter } = await renderMarkdown(`Before.\n\n${payload}\n\nAfter.`);
      expect(unsafeParts(html, { inArticle: true }), `${payload}\n→ ${html}`).toEqual([]);
      const warnings = (frontmatter[messagesKey] as DocumentMessage[]).filter(
        ({ fatal }) => !fatal,
      );
      if (warnings.length > 0) continue;
      // Without a warning, Markdown (or the HTML parser) must have left no element of it.
      const tags = cheerio
        .load(
          html,
          null,
          false,
        )("*")
        .toArray()
        .map((element) => ("tagName" in element ? element.tagName : ""));
      expect(new Set(tags), payload).toEqual(new Set(["p"]));
      shownAsText++;
    }
    // Nearly all of them are HTML that the sanitiser has to clean.
    expect(shownAsText).toBeLessThan(5);
  });

  test("keeps the page's heading and paragraph ids when HTML is pasted around them", async () => {
    const { html } = await renderMarkdown(
      '<div id="x">pasted</div>\n\n## Assad’s Fate {#assads-future}',
    );
    expect(html).toContain(
      '<h2 id="assads-future"><a class="section-link" href="#assads-future">Assad’s Fate</a></h2>',
    );
    expect(html).not.toContain('id="x"');
  });
});
