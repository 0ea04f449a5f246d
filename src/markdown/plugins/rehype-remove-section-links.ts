import type { Root } from "hast";
import { SKIP, visit } from "unist-util-visit";

/** Options of `rehypeRemoveSectionLinks`. */
export interface Options {
  /** The class of the links to remove (default: "section-link", as `rehypeSectionLinks` makes them). */
  className?: string;
}

/**
 * Removes the self-links that `rehypeSectionLinks` puts after headings. They
 * are page furniture: a feed reader without the site's CSS would show their
 * "#" and their visually hidden label as text.
 */
export default function rehypeRemoveSectionLinks(options: Options = {}) {
  const { className = "section-link" } = options;

  return function (tree: Root): undefined {
    visit(tree, "element", (node, index, parent) => {
      const classes = node.properties["className"];
      if (node.tagName !== "a" || !Array.isArray(classes) || !classes.includes(className)) return;
      if (parent === undefined || index === undefined) return;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}
