import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import { remark } from "remark";
import remarkRehype from "remark-rehype";
import { describe, expect, test } from "vitest";
import rehypeSectionLinks, { type Options } from "../../src/markdown/plugins/rehype-section-links";

async function render(markdown: string, options?: Options): Promise<string> {
  const file = await remark()
    .use(remarkRehype)
    .use(rehypeSlug)
    .use(rehypeSectionLinks, options)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

describe("rehypeSectionLinks", () => {
  test("makes each section heading's text a link to itself, inside the heading", async () => {
    expect(await render("## Assad’s Future")).toBe(
      '<h2 id="assads-future"><a class="section-link" href="#assads-future">Assad’s Future</a></h2>',
    );
  });

  test("leaves the h1 alone", async () => {
    expect(await render("# Headline")).toBe('<h1 id="headline">Headline</h1>');
  });

  test("links deeper headings too, keeping their inline markup", async () => {
    expect(await render("### The *real* story")).toBe(
      '<h3 id="the-real-story"><a class="section-link" href="#the-real-story">The <em>real</em> story</a></h3>',
    );
  });

  test("skips headings without an id", async () => {
    const file = await remark()
      .use(remarkRehype)
      .use(rehypeSectionLinks)
      .use(rehypeStringify)
      .process("## Plain");
    expect(String(file)).toBe("<h2>Plain</h2>");
  });

  test("gives a heading that holds a link of its own no second, nested link", async () => {
    expect(await render("## See [Paris](https://example.org/)")).toBe(
      '<h2 id="see-paris">See <a href="https://example.org/">Paris</a></h2>',
    );
  });

  test("takes a shallowest rank", async () => {
    expect(await render("# Top", { minRank: 1 })).toBe(
      '<h1 id="top"><a class="section-link" href="#top">Top</a></h1>',
    );
  });

  test("links every heading of a document once", async () => {
    const html = await render("## One\n\ntext\n\n## Two\n\n## Three");
    expect(html.match(/class="section-link"/g)).toHaveLength(3);
  });
});
