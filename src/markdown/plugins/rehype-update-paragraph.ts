import type {} from "@astrojs/markdown-remark";
import type { Root } from "hast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { paragraphId } from "../../lib/page-ids";

/** Options of `rehypeUpdateParagraph`. */
export interface Options {
  /** The paragraph the latest update changed, counted from 1 (default: Astro's frontmatter `updateNote.paragraph`). */
  paragraph?: (file: VFile) => number | undefined;
  /** The id of the paragraph at a position (default: `p-1`, `p-2`, …, as rehype-paragraph-ids gives them). */
  id?: (position: number) => string;
}

const source = "rehype-update-paragraph";

/** Reads `updateNote.paragraph` from the frontmatter Astro puts on the file. */
function fromFrontmatter(file: VFile): number | undefined {
  const note: unknown = file.data.astro?.frontmatter?.["updateNote"];
  if (!note || typeof note !== "object" || !("paragraph" in note)) return undefined;
  return typeof note.paragraph === "number" ? note.paragraph : undefined;
}

/**
 * Checks that the paragraph an update note links to is there, so the note's
 * link never points at nothing: run it after the paragraphs have their ids.
 * A paragraph the article does not have is reported on the file as fatal.
 */
export default function rehypeUpdateParagraph(options: Options = {}) {
  const { paragraph = fromFrontmatter, id = paragraphId } = options;

  return function (tree: Root, file: VFile): undefined {
    const position = paragraph(file);
    if (position === undefined) return;
    const ids = new Set<unknown>();
    visit(tree, "element", (node) => {
      ids.add(node.properties.id);
    });
    if (ids.has(id(position))) return;
    let count = 0;
    while (ids.has(id(count + 1))) count++;
    const has = count === 1 ? "1 paragraph" : `${count} paragraphs`;
    const message = file.message(
      `\`updateNote.paragraph\` is ${position}, but the article has ${has} (quotes and list items do not count)`,
      { ruleId: "update-paragraph", source },
    );
    message.fatal = true;
  };
}
