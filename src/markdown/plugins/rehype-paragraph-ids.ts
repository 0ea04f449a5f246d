import type { Root } from "hast";
import { paragraphId } from "../../lib/page-ids";

/** Options of `rehypeParagraphIds`. */
export interface Options {
  /** The id of the paragraph at a position counted from 1 (default: `p-1`, `p-2`, …). */
  id?: (position: number) => string;
}

/**
 * Gives every top-level paragraph of the body an id by its position, as
 * newsrooms count paragraphs in their update notes ("in third paragraph"),
 * so that `#p-3` links to the third.
 *
 * Only the body's own paragraphs count: one inside a quote or a list item is
 * not a paragraph of the story. A paragraph keeps an id its author gave it,
 * and still counts, so the numbers always match what a reader counts. The
 * ids add no tab stop: a link to one moves the reading position, not focus.
 */
export default function rehypeParagraphIds(options: Options = {}) {
  const { id = paragraphId } = options;

  return function (tree: Root): undefined {
    let position = 0;
    for (const node of tree.children) {
      if (node.type !== "element" || node.tagName !== "p") continue;
      position += 1;
      node.properties.id ??= id(position);
    }
  };
}
