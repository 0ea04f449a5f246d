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
  test("adds a named self-link after each section heading", async () => {
    expect(await render("## Assad’s Future")).toBe(
      '<div class="section-heading"><h2 id="assads-future">Assad’s Future</h2>' +
        '<a class="section-link" href="#assads-future"><span aria-hidden="true">#</span>' +
        '<span class="visually-hidden">Link to section: Assad’s Future</span></a></div>',
    );
  });

  test("leaves the h1 alone", async () => {
    expect(await render("# Headline")).toBe('<h1 id="headline">Headline</h1>');
  });

  test("links deeper headings too, and names them from their text only", async () => {
    expect(await render("### The *real* story")).toContain(
      '<a class="section-link" href="#the-real-story"><span aria-hidden="true">#</span>' +
        '<span class="visually-hidden">Link to section: The real story</span></a>',
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

  test("takes a custom label and shallowest rank", async () => {
    expect(await render("# Top", { minRank: 1, label: (text) => `Permalink: ${text}` })).toBe(
      '<div class="section-heading"><h1 id="top">Top</h1><a class="section-link" href="#top">' +
        '<span aria-hidden="true">#</span><span class="visually-hidden">Permalink: Top</span></a></div>',
    );
  });

  test("links every heading of a document once", async () => {
    const html = await render("## One\n\ntext\n\n## Two\n\n## Three");
    expect(html.match(/class="section-link"/g)).toHaveLength(3);
  });
});
