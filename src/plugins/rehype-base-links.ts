import type { Root } from "hast";
import { visit } from "unist-util-visit";

/** Options of `rehypeBaseLinks`. */
export interface Options {
  /** The path the site lives under, such as "/" or "/reader/". */
  base?: string;
}

/** Attributes that hold one URL. */
const urlAttributes = ["href", "src", "poster"] as const;

/**
 * Puts the site's base path in front of root-relative links in Markdown, so
 * that an editor's `[earlier story](/articles/2015-11-14/…/)` still works when
 * the site is deployed under `/reader/`. Full URLs, protocol-relative ones
 * (`//host/…`), relative paths and fragments are left as they are.
 */
export default function rehypeBaseLinks(options: Options = {}) {
  const base = (options.base ?? "/").replace(/\/?$/, "/");

  return function (tree: Root): undefined {
    if (base === "/") return;
    visit(tree, "element", (node) => {
      for (const name of urlAttributes) {
        const value = node.properties[name];
        if (typeof value === "string" && value.startsWith("/") && !value.startsWith("//")) {
          node.properties[name] = base + value.slice(1);
        }
      }
    });
  };
}
