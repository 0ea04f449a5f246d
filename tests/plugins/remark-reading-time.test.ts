import rehypeStringify from "rehype-stringify";
import { remark } from "remark";
import remarkRehype from "remark-rehype";
import { VFile } from "vfile";
import { describe, expect, test } from "vitest";
import remarkReadingTime, { type Options } from "../../src/markdown/plugins/remark-reading-time";

/** The frontmatter Astro would hand to `render()` after the plugin ran. */
async function frontmatterAfter(
  markdown: string,
  options?: Options,
  frontmatter: Record<string, unknown> = {},
): Promise<Record<string, unknown> | undefined> {
  const file = new VFile({ value: markdown, data: { astro: { frontmatter } } });
  await remark()
    .use(remarkReadingTime, options)
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(file);
  return file.data.astro?.frontmatter;
}

const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(" ");

describe("remarkReadingTime", () => {
  test("stores the minutes to read beside the article's frontmatter", async () => {
    expect(await frontmatterAfter(words(239), {}, { headline: "H" })).toEqual({
      headline: "H",
      readingMinutes: 2,
    });
  });

  test("counts the words of headings, quotes, lists and code too", async () => {
    const markdown = `## ${words(100)}\n\n> ${words(100)}\n\n- ${words(38)}\n\nRun \`npm test\`.`;
    expect((await frontmatterAfter(markdown))?.["readingMinutes"]).toBe(2);
  });

  test("keeps the last word of a paragraph apart from the first of the next", async () => {
    const tenPerMinute = { wordsPerMinute: 10 };
    expect(
      (await frontmatterAfter(`${words(10)}\n\n${words(10)}`, tenPerMinute))?.readingMinutes,
    ).toBe(2);
  });

  test("says one minute for a short text", async () => {
    expect((await frontmatterAfter("Short."))?.["readingMinutes"]).toBe(1);
  });

  test("leaves the HTML alone", async () => {
    const file = await remark()
      .use(remarkReadingTime)
      .use(remarkRehype)
      .use(rehypeStringify)
      .process("Text.");
    expect(String(file)).toBe("<p>Text.</p>");
  });
});
