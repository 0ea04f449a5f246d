import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import { remark } from "remark";
import remarkRehype from "remark-rehype";
import { describe, expect, test } from "vitest";
import rehypeRemoveSectionLinks from "../../src/markdown/plugins/rehype-remove-section-links";
import rehypeSectionLinks from "../../src/markdown/plugins/rehype-section-links";

async function render(markdown: string): Promise<string> {
  const file = await remark()
    .use(remarkRehype)
    .use(rehypeSlug)
    .use(rehypeSectionLinks)
    .use(rehypeRemoveSectionLinks)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

describe("rehypeRemoveSectionLinks", () => {
  test("removes the self-links that rehypeSectionLinks adds, keeping the headings", async () => {
    expect(await render("## Russian Military\n\n## Assad’s Future")).toBe(
      '<div class="section-heading"><h2 id="russian-military">Russian Military</h2></div>\n' +
        '<div class="section-heading"><h2 id="assads-future">Assad’s Future</h2></div>',
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
