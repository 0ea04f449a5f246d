import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import { remark } from "remark";
import remarkRehype from "remark-rehype";
import { describe, expect, test } from "vitest";
import rehypeSectionLinks from "../../src/markdown/plugins/rehype-section-links";
import rehypeUnwrapSectionLinks from "../../src/markdown/plugins/rehype-unwrap-section-links";

async function render(markdown: string): Promise<string> {
  const file = await remark()
    .use(remarkRehype)
    .use(rehypeSlug)
    .use(rehypeSectionLinks)
    .use(rehypeUnwrapSectionLinks)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

describe("rehypeUnwrapSectionLinks", () => {
  test("turns the self-links that rehypeSectionLinks adds back into the headings' words", async () => {
    expect(await render("## Russian Military\n\n### The *real* story")).toBe(
      '<h2 id="russian-military">Russian Military</h2>\n' +
        '<h3 id="the-real-story">The <em>real</em> story</h3>',
    );
  });

  test("keeps the article's own links, fragment links included", async () => {
    expect(
      await render("See [below](#assads-future) and [Bloomberg](https://bloomberg.com)."),
    ).toBe(
      '<p>See <a href="#assads-future">below</a> and <a href="https://bloomberg.com">Bloomberg</a>.</p>',
    );
  });
});
