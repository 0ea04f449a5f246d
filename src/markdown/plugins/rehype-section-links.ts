import type { Element, Root } from "hast";
import { headingRank } from "hast-util-heading-rank";
import { h } from "hastscript";
import { CONTINUE, EXIT, visit } from "unist-util-visit";

/** Options of `rehypeSectionLinks`. */
export interface Options {
  /** The shallowest heading rank that gets a link (default: 2, so not the `<h1>`). */
  minRank?: number;
}

/**
 * Makes the text of every section heading with an `id` a link to itself, at
 * build time: `<h2 id="x"><a class="section-link" href="#x">…</a></h2>`.
 *
 * The link holds the heading's own words and nothing else, so it is named by
 * them (a screen reader's list of headings reads "Assad’s Future"), and the
 * heading stays a plain `<h2>` in the text's flow. A wrapper beside the heading
 * with a visually hidden label, as before, made a short, link-dense block that
 * reader modes (Firefox's Readability) threw away, heading and all.
 *
 * A heading that holds a link of its own keeps it and gets no self-link, as
 * a link cannot hold a link; its id, and the table of contents, still work.
 */
export default function rehypeSectionLinks(options: Options = {}) {
  const { minRank = 2 } = options;

  return function (tree: Root): undefined {
    visit(tree, "element", (node) => {
      const rank = headingRank(node);
      const id = node.properties.id;
      if (!rank || rank < minRank || typeof id !== "string" || id === "") return;
      if (holdsLink(node)) return;
      node.children = [h("a.section-link", { href: `#${id}` }, node.children)];
    });
  };
}

function holdsLink(heading: Element): boolean {
  let found = false;
  visit(heading, "element", (node) => {
    if (node.tagName === "a" && node.properties.href !== undefined) found = true;
    return found ? EXIT : CONTINUE;
  });
  return found;
}
