import type { Root } from "hast";
import { visit } from "unist-util-visit";
import { withBase } from "../../lib/site-urls";
import { mapSrcset, URL_ATTRIBUTES } from "../../lib/url-attributes";

/** Options of `rehypeBaseLinks`. */
export interface Options {
  /** The path the site lives under, such as "/" or "/reader/". */
  base?: string;
}

/**
 * Puts the site's base path in front of root-relative links in Markdown, so
 * that an editor's `[earlier story](/articles/2015-11-14/…/)` still works when
 * the site is deployed under `/reader/`. Full URLs, protocol-relative ones
 * (`//host/…`), relative paths and fragments are left as they are.
 */
export default function rehypeBaseLinks(options: Options = {}) {
  const base = withBase(options.base ?? "/");

  const rebase = (url: string) =>
    url.startsWith("/") && !url.startsWith("//") ? withBase(base, url) : url;

  return function (tree: Root): undefined {
    if (base === "/") return;
    visit(tree, "element", (node) => {
      for (const name of URL_ATTRIBUTES) {
        const value = node.properties[name];
        if (typeof value === "string") node.properties[name] = rebase(value);
      }
      const srcset = node.properties["srcSet"];
      if (Array.isArray(srcset) || typeof srcset === "string") {
        node.properties["srcSet"] = mapSrcset(srcset, rebase);
      }
    });
  };
}
