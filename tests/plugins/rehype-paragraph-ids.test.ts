import { h } from "hastscript";
import rehypeStringify from "rehype-stringify";
import { remark } from "remark";
import remarkRehype from "remark-rehype";
import { describe, expect, test } from "vitest";
import rehypeParagraphIds, { type Options } from "../../src/markdown/plugins/rehype-paragraph-ids";

async function render(markdown: string, options?: Options): Promise<string> {
  const file = await remark()
    .use(remarkRehype)
    .use(rehypeParagraphIds, options)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

describe("rehypeParagraphIds", () => {
  test("numbers the body's paragraphs by position, across sections", async () => {
    expect(await render("One.\n\n## A section\n\nTwo.\n\nThree.")).toBe(
      '<p id="p-1">One.</p>\n<h2>A section</h2>\n<p id="p-2">Two.</p>\n<p id="p-3">Three.</p>',
    );
  });

  test("skips paragraphs inside quotes and lists, which a newsroom does not count", async () => {
    expect(await render("One.\n\n> Quoted.\n\n- Item\n\n  more.\n\nTwo.")).toBe(
      '<p id="p-1">One.</p>\n<blockquote>\n<p>Quoted.</p>\n</blockquote>\n' +
        "<ul>\n<li>\n<p>Item</p>\n<p>more.</p>\n</li>\n</ul>\n" +
        '<p id="p-2">Two.</p>',
    );
  });

  test("keeps an id the author gave a paragraph, and still counts it", () => {
    const tree = h(null, [h("p", "One."), h("p#lede", "Two."), h("p", "Three.")]);
    rehypeParagraphIds()(tree);
    expect(tree.children.map((node) => node.type === "element" && node.properties.id)).toEqual([
      "p-1",
      "lede",
      "p-3",
    ]);
  });

  test("adds no tab stop", async () => {
    expect(await render("One.")).not.toContain("tabindex");
  });

  test("takes other ids", async () => {
    expect(await render("One.\n\nTwo.", { id: (n) => `para${n}` })).toBe(
      '<p id="para1">One.</p>\n<p id="para2">Two.</p>',
    );
  });

  test("numbers each document from one", async () => {
    const processor = remark().use(remarkRehype).use(rehypeParagraphIds).use(rehypeStringify);
    await processor.process("One.\n\nTwo.");
    expect(String(await processor.process("Again."))).toBe('<p id="p-1">Again.</p>');
  });
});
