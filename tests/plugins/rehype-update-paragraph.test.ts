import rehypeStringify from "rehype-stringify";
import { remark } from "remark";
import remarkRehype from "remark-rehype";
import { expect, test } from "vitest";
import { VFile } from "vfile";
import rehypeParagraphIds from "../../src/markdown/plugins/rehype-paragraph-ids";
import rehypeUpdateParagraph from "../../src/markdown/plugins/rehype-update-paragraph";

/** The messages about a document with Astro's frontmatter on it. */
async function messages(markdown: string, updateNote: unknown) {
  const file = new VFile({ value: markdown, data: { astro: { frontmatter: { updateNote } } } });
  await remark()
    .use(remarkRehype)
    .use(rehypeParagraphIds)
    .use(rehypeUpdateParagraph)
    .use(rehypeStringify)
    .process(file);
  return file.messages.map(({ reason, fatal }) => ({ reason, fatal }));
}

const body = "One.\n\nTwo.\n\n> A quote.\n\n- A list item\n\nThree.";

test("accepts a note that links a paragraph the article has", async () => {
  expect(await messages(body, { text: "In third paragraph.", paragraph: 3 })).toEqual([]);
  expect(await messages(body, { text: "In first paragraph.", paragraph: 1 })).toEqual([]);
});

test("reports, as fatal, a paragraph past the last, counting as the paragraph ids do", async () => {
  expect(await messages(body, { text: "In fourth paragraph.", paragraph: 4 })).toEqual([
    {
      reason:
        "`updateNote.paragraph` is 4, but the article has 3 paragraphs (quotes and list items do not count)",
      fatal: true,
    },
  ]);
  expect(await messages("Only.", { text: "In 2nd paragraph.", paragraph: 2 })).toEqual([
    {
      reason:
        "`updateNote.paragraph` is 2, but the article has 1 paragraph (quotes and list items do not count)",
      fatal: true,
    },
  ]);
});

test("says nothing about a note without a paragraph, or no note", async () => {
  expect(await messages(body, "(Updates throughout.)")).toEqual([]);
  expect(await messages(body, { text: "(Updates throughout.)" })).toEqual([]);
  expect(await messages(body, undefined)).toEqual([]);
});
