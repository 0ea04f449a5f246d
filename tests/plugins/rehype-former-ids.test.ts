import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import { remark } from "remark";
import remarkRehype from "remark-rehype";
import { describe, expect, test } from "vitest";
import { VFile } from "vfile";
import { isPageId } from "../../src/lib/page-ids";
import rehypeFormerIds, { type FormerIds } from "../../src/markdown/plugins/rehype-former-ids";

/** Renders Markdown with Astro's frontmatter on the file, as Astro's pipeline does. */
async function render(markdown: string, formerIds?: FormerIds) {
  const file = new VFile({ value: markdown, data: { astro: { frontmatter: { formerIds } } } });
  await remark()
    .use(remarkRehype)
    .use(rehypeSlug)
    .use(rehypeFormerIds, { isReserved: isPageId })
    .use(rehypeStringify)
    .process(file);
  return {
    html: String(file),
    messages: file.messages.map(({ reason, fatal }) => ({ reason, fatal })),
  };
}

describe("rehypeFormerIds", () => {
  test("puts an anchor for each former id at the start of the section's heading", async () => {
    const { html, messages } = await render("## Assad’s Future\n\nText.", {
      "assads-future": ["assads-fate", "assad"],
    });
    expect(html).toBe(
      '<h2 id="assads-future"><span id="assads-fate"></span><span id="assad"></span>Assad’s Future</h2>\n<p>Text.</p>',
    );
    expect(messages).toEqual([]);
  });

  test("takes a single former id without a list", async () => {
    expect((await render("## B", { b: "a" })).html).toBe('<h2 id="b"><span id="a"></span>B</h2>');
  });

  test("changes nothing without former ids", async () => {
    expect((await render("## B")).html).toBe('<h2 id="b">B</h2>');
  });

  test("reports, as fatal, a section that does not exist, naming the ones that do", async () => {
    const { html, messages } = await render("## Russian Military\n\n## Higher Stakes", {
      "assads-future": ["assads-fate"],
    });
    expect(html).not.toContain("assads-fate");
    expect(messages).toEqual([
      {
        reason:
          "`formerIds` lists `assads-future`, but the article has no section with that id (its sections: `russian-military`, `higher-stakes`)",
        fatal: true,
      },
    ]);
  });

  test("reports, as fatal, a former id that an element or the page has already", async () => {
    const { messages } = await render("## One\n\n## Two", { two: ["one", "main", "p-3"] });
    expect(messages).toEqual([
      { reason: "the former id `one` of `two` is an id on the page already", fatal: true },
      { reason: "the former id `main` of `two` is an id on the page already", fatal: true },
      { reason: "the former id `p-3` of `two` is an id on the page already", fatal: true },
    ]);
  });

  test("reports, as fatal, a former id listed twice", async () => {
    const { messages } = await render("## One\n\n## Two", { one: ["old"], two: ["old"] });
    expect(messages).toEqual([
      { reason: "the former id `old` is listed twice in `formerIds`", fatal: true },
    ]);
  });
});
