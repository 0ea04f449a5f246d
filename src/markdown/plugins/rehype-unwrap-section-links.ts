import type { Root } from "hast";
import { SKIP, visit } from "unist-util-visit";

/** Options of `rehypeUnwrapSectionLinks`. */
export interface Options {
  /** The class of the links to unwrap (default: "section-link", as `rehypeSectionLinks` makes them). */
  className?: string;
}

/**
 * Replaces each heading's self-link, made by `rehypeSectionLinks`, with the
 * words it holds. They are page furniture: in a feed reader every section
 * heading would show as a link back to the page.
 */
export default function rehypeUnwrapSectionLinks(options: Options = {}) {
  const { className = "section-link" } = options;

  return function (tree: Root): undefined {
    visit(tree, "element", (node, index, parent) => {
      const classes = node.properties["className"];
      if (node.tagName !== "a" || !Array.isArray(classes) || !classes.includes(className)) return;
      if (parent === undefined || index === undefined) return;
      parent.children.splice(index, 1, ...node.children);
      // The words that took the link's place are looked at next.
      return [SKIP, index];
    });
  };
}
