import type {} from "@astrojs/markdown-remark";
import type { Root } from "hast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { paragraphId } from "../../lib/page-ids";

/** Options of `rehypeCorrectionParagraphs`. */
export interface Options {
  /** The paragraph each correction concerns, counted from 1, in the record's order (default: Astro's frontmatter `corrections`). */
  paragraphs?: (file: VFile) => (number | undefined)[];
  /** The id of the paragraph at a position (default: `p-1`, `p-2`, …, as rehype-paragraph-ids gives them). */
  id?: (position: number) => string;
}

const source = "rehype-correction-paragraphs";

/** Reads each `corrections` item's `paragraph` from the frontmatter Astro puts on the file. */
function fromFrontmatter(file: VFile): (number | undefined)[] {
  const corrections: unknown = file.data.astro?.frontmatter?.["corrections"];
  if (!Array.isArray(corrections)) return [];
  return corrections.map((correction: unknown) =>
    correction &&
    typeof correction === "object" &&
    "paragraph" in correction &&
    typeof correction.paragraph === "number"
      ? correction.paragraph
      : undefined,
  );
}

/**
 * Checks that every paragraph a correction links to is there, so the
 * corrections record never links to nothing: run it after the paragraphs
 * have their ids. Each paragraph the article does not have is reported on
 * the file as fatal, naming the correction as the editor counts them.
 */
export default function rehypeCorrectionParagraphs(options: Options = {}) {
  const { paragraphs = fromFrontmatter, id = paragraphId } = options;

  return function (tree: Root, file: VFile): undefined {
    const positions = paragraphs(file);
    if (positions.every((position) => position === undefined)) return;
    const ids = new Set<unknown>();
    visit(tree, "element", (node) => {
      ids.add(node.properties.id);
    });
    let count = 0;
    while (ids.has(id(count + 1))) count++;
    const has = count === 1 ? "1 paragraph" : `${count} paragraphs`;
    positions.forEach((position, index) => {
      if (position === undefined || ids.has(id(position))) return;
      const message = file.message(
        `\`paragraph\` of \`corrections\` item ${index + 1} is ${position}, but the article has ${has} (quotes and list items do not count)`,
        { ruleId: "correction-paragraph", source },
      );
      message.fatal = true;
    });
  };
}
