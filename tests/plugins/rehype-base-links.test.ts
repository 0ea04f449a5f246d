import rehypeStringify from "rehype-stringify";
import { remark } from "remark";
import remarkRehype from "remark-rehype";
import { describe, expect, test } from "vitest";
import rehypeBaseLinks, { type Options } from "../../src/markdown/plugins/rehype-base-links";

async function render(markdown: string, options?: Options): Promise<string> {
  const file = await remark()
    .use(remarkRehype)
    .use(rehypeBaseLinks, options)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

describe("rehypeBaseLinks", () => {
  test("puts the base in front of a root-relative link and image", async () => {
    expect(
      await render("[Paris](/articles/2015-11-14/paris/#reaction) ![Map](/images/map.png)", {
        base: "/reader/",
      }),
    ).toBe(
      '<p><a href="/reader/articles/2015-11-14/paris/#reaction">Paris</a> ' +
        '<img src="/reader/images/map.png" alt="Map"></p>',
    );
  });

  test("accepts a base without its trailing slash", async () => {
    expect(await render("[Home](/)", { base: "/reader" })).toBe(
      '<p><a href="/reader/">Home</a></p>',
    );
  });

  test("leaves full, protocol-relative and relative URLs and fragments alone", async () => {
    const markdown =
      "[a](https://example.org/x) [b](//cdn.example.org/y) [c](../z/) [d](#assads-future) [e](mailto:desk@example.org)";
    expect(await render(markdown, { base: "/reader/" })).toBe(await render(markdown));
    expect(await render(markdown, { base: "/reader/" })).not.toContain("/reader/");
  });

  test("changes nothing for a site at the root", async () => {
    expect(await render("[Paris](/articles/paris/)", { base: "/" })).toBe(
      '<p><a href="/articles/paris/">Paris</a></p>',
    );
    expect(await render("[Paris](/articles/paris/)")).toBe(
      '<p><a href="/articles/paris/">Paris</a></p>',
    );
  });
});
