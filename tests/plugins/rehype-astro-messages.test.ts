import type { Root } from "hast";
import rehypeStringify from "rehype-stringify";
import { remark } from "remark";
import remarkRehype from "remark-rehype";
import { expect, test } from "vitest";
import type { VFile } from "vfile";
import { messagesKey } from "../../src/lib/document-messages";
import rehypeAstroMessages from "../../src/markdown/plugins/rehype-astro-messages";

/** A plugin that warns about every heading and fails on the first paragraph. */
function complain() {
  return (tree: Root, file: VFile) => {
    for (const node of tree.children) {
      if (node.type !== "element") continue;
      if (node.tagName === "h2")
        file.message("a warning", { place: node.position, source: "test" });
      if (node.tagName === "p") file.message("an error", { place: node.position }).fatal = true;
    }
  };
}

test("hands the file's messages to Astro in the frontmatter, as plain data", async () => {
  const file = await remark()
    .use(remarkRehype)
    .use(complain)
    .use(rehypeAstroMessages)
    .use(rehypeStringify)
    .process("## Heading\n\nText.");
  expect(file.data.astro?.frontmatter?.[messagesKey]).toEqual([
    { reason: "a warning", fatal: false, line: 1, column: 1, source: "test" },
    { reason: "an error", fatal: true, line: 3, column: 1 },
  ]);
});

test("hands over an empty list when nothing was said, keeping the frontmatter there", async () => {
  const processor = remark().use(remarkRehype).use(rehypeAstroMessages).use(rehypeStringify);
  const file = await processor.process({
    value: "Text.",
    data: { astro: { frontmatter: { headline: "x" } } },
  });
  expect(file.data.astro?.frontmatter).toEqual({ headline: "x", [messagesKey]: [] });
});
