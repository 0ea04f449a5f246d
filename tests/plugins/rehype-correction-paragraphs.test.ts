import rehypeStringify from "rehype-stringify";
import { remark } from "remark";
import remarkRehype from "remark-rehype";
import { expect, test } from "vitest";
import { VFile } from "vfile";
import rehypeCorrectionParagraphs from "../../src/markdown/plugins/rehype-correction-paragraphs";
import rehypeParagraphIds from "../../src/markdown/plugins/rehype-paragraph-ids";

/** The messages about a document with Astro's frontmatter on it. */
async function messages(markdown: string, corrections: unknown) {
  const file = new VFile({ value: markdown, data: { astro: { frontmatter: { corrections } } } });
  await remark()
    .use(remarkRehype)
    .use(rehypeParagraphIds)
    .use(rehypeCorrectionParagraphs)
    .use(rehypeStringify)
    .process(file);
  return file.messages.map(({ reason, fatal }) => ({ reason, fatal }));
}

const body = "One.\n\nTwo.\n\n> A quote.\n\n- A list item\n\nThree.";
const correction = (paragraph?: number) => ({ date: "2016-03-02", text: "Fixed.", paragraph });

test("accepts corrections that link paragraphs the article has", async () => {
  expect(await messages(body, [correction(1), correction(3)])).toEqual([]);
});

test("reports, as fatal, each paragraph past the last, naming the correction as the editor counts", async () => {
  expect(await messages(body, [correction(2), correction(4), correction(9)])).toEqual([
    {
      reason:
        "`paragraph` of `corrections` item 2 is 4, but the article has 3 paragraphs (quotes and list items do not count)",
      fatal: true,
    },
    {
      reason:
        "`paragraph` of `corrections` item 3 is 9, but the article has 3 paragraphs (quotes and list items do not count)",
      fatal: true,
    },
  ]);
  expect(await messages("Only.", [correction(2)])).toEqual([
    {
      reason:
        "`paragraph` of `corrections` item 1 is 2, but the article has 1 paragraph (quotes and list items do not count)",
      fatal: true,
    },
  ]);
});

test("says nothing of corrections without a paragraph, or no corrections", async () => {
  expect(await messages(body, [correction()])).toEqual([]);
  expect(await messages(body, [])).toEqual([]);
  expect(await messages(body, undefined)).toEqual([]);
});
