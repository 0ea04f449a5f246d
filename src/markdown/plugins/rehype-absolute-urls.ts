import type { Root } from "hast";
import { visit } from "unist-util-visit";
import { mapSrcset, URL_ATTRIBUTES } from "../../lib/url-attributes";

/** Options of `rehypeAbsoluteUrls`. */
export interface Options {
  /** The absolute URL the document's links are relative to: the page it came from. */
  base: string;
}

/**
 * Makes every link and source absolute against the page's URL, for HTML that
 * leaves its page: a feed reader shows an item away from the site, where
 * `/reader/…` or `#assads-future` would point nowhere.
 */
export default function rehypeAbsoluteUrls(options: Options) {
  const { base } = options;

  return function (tree: Root): undefined {
    visit(tree, "element", (node) => {
      for (const name of URL_ATTRIBUTES) {
        const value = node.properties[name];
        if (typeof value === "string") node.properties[name] = resolve(value, base);
      }
      const srcset = node.properties["srcSet"];
      if (Array.isArray(srcset) || typeof srcset === "string") {
        node.properties["srcSet"] = mapSrcset(srcset, (url) => resolve(url, base));
      }
    });
  };
}

/** The URL resolved against the base; a value that is no URL is left as it is. */
function resolve(value: string, base: string): string {
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}
