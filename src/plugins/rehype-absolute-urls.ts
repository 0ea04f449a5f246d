import type { Root } from "hast";
import { visit } from "unist-util-visit";

/** Options of `rehypeAbsoluteUrls`. */
export interface Options {
  /** The absolute URL the document's links are relative to: the page it came from. */
  base: string;
}

/** Attributes that hold one URL. */
const urlAttributes = ["href", "src", "poster", "cite"] as const;

/**
 * Makes every link and source absolute against the page's URL, for HTML that
 * leaves its page: a feed reader shows an item away from the site, where
 * `/reader/…` or `#assads-future` would point nowhere.
 */
export default function rehypeAbsoluteUrls(options: Options) {
  const { base } = options;

  return function (tree: Root): undefined {
    visit(tree, "element", (node) => {
      for (const name of urlAttributes) {
        const value = node.properties[name];
        if (typeof value === "string") node.properties[name] = resolve(value, base);
      }
      // `srcset` is a comma-separated list of candidates: a URL and its descriptors.
      const srcset = node.properties["srcSet"];
      if (Array.isArray(srcset) || typeof srcset === "string") {
        const candidates = Array.isArray(srcset) ? srcset.map(String) : srcset.split(",");
        node.properties["srcSet"] = candidates
          .map((candidate) => {
            const [url = "", ...descriptors] = candidate.trim().split(/\s+/);
            return [resolve(url, base), ...descriptors].join(" ");
          })
          .join(", ");
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
