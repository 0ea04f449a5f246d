import type { Root } from "hast";
import { headingRank } from "hast-util-heading-rank";
import { toString } from "hast-util-to-string";
import { h } from "hastscript";
import { SKIP, visit } from "unist-util-visit";

/** Options of `rehypeSectionLinks`. */
export interface Options {
  /** The shallowest heading rank that gets a link (default: 2, so not the `<h1>`). */
  minRank?: number;
  /** The link's accessible name, made from the heading's text. */
  label?: (headingText: string) => string;
}

const defaultLabel = (text: string) => `Link to section: ${text}`;

/**
 * Gives every section heading with an `id` a link to itself, at build time.
 *
 * The link sits after the heading, inside a wrapper, rather than inside it:
 * a screen reader's list of headings then reads "Assad’s Future", not
 * "Assad’s Future, link, #". The visible `#` is hidden from assistive
 * technology and the link is named by visually hidden text, which (unlike
 * `aria-label`) browser translation also translates.
 */
export default function rehypeSectionLinks(options: Options = {}) {
  const { minRank = 2, label = defaultLabel } = options;

  return function (tree: Root): undefined {
    visit(tree, "element", (node, index, parent) => {
      const rank = headingRank(node);
      const id = node.properties.id;
      if (!rank || rank < minRank || typeof id !== "string" || id === "") return;
      if (parent === undefined || index === undefined) return;

      const link = h("a.section-link", { href: `#${id}` }, [
        h("span", { ariaHidden: "true" }, "#"),
        h("span.visually-hidden", label(toString(node))),
      ]);
      parent.children[index] = h("div.section-heading", [node, link]);
      return [SKIP, index + 1];
    });
  };
}
