import type { Element, Properties, Root } from "hast";
import { find, html } from "property-information";
import rehypeSanitize, { type Options as Schema } from "rehype-sanitize";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";

/** Options of `rehypeCleanHtml`. */
export interface Options {
  /** What may stay (default: rehype-sanitize's, which is GitHub's). */
  schema?: Schema;
}

const source = "rehype-clean-html";

/**
 * Removes whatever the allowlist does not allow (with `rehype-sanitize`) and
 * reports each removal as a warning on the file: which element, or which
 * attribute of which element, and where. Run it right after raw HTML is
 * parsed (`rehype-raw`), before any plugin adds markup of its own.
 */
export default function rehypeCleanHtml(options: Options = {}) {
  const sanitize = rehypeSanitize(options.schema);
  const strip = new Set(options.schema?.strip ?? ["script"]);

  return function (tree: Root, file: VFile): Root {
    const clean = sanitize(tree);
    const kept = inventory(clean);

    visit(tree, "element", (node) => {
      const element = elementKey(node);
      if (!take(kept, element)) {
        const what =
          node.children.length === 0
            ? ""
            : strip.has(node.tagName)
              ? " and everything in it"
              : " but kept its text";
        warn(file, node, `removed <${node.tagName}>${what}: it is not allowed in articles`);
        return strip.has(node.tagName) ? SKIP : undefined;
      }
      for (const [name, value] of attributes(node.properties)) {
        if (!take(kept, `${element} ${name}=${value}`)) {
          const shown = value === "" ? name : `${name}="${truncate(value)}"`;
          warn(
            file,
            node,
            `removed ${shown} from <${node.tagName}>: it is not allowed in articles`,
          );
        }
      }
      return undefined;
    });

    return clean;
  };
}

/** How many of each element, and of each attribute value of each element, a tree has. */
function inventory(tree: Root): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  visit(tree, "element", (node) => {
    const element = elementKey(node);
    add(element);
    for (const [name, value] of attributes(node.properties)) add(`${element} ${name}=${value}`);
  });
  return counts;
}

/** Takes one of `key` from the counts; false when there is none left (it was removed). */
function take(counts: Map<string, number>, key: string): boolean {
  const count = counts.get(key) ?? 0;
  if (count === 0) return false;
  counts.set(key, count - 1);
  return true;
}

/** An element's identity across sanitising, which keeps each kept node's position. */
function elementKey(node: Element): string {
  return `<${node.tagName}>@${node.position?.start.offset ?? "?"}`;
}

/** An element's attributes as HTML names them, one entry per value of a list (`class`). */
function* attributes(properties: Properties): Generator<[string, string]> {
  for (const [property, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) continue;
    const name = find(html, property).attribute;
    if (Array.isArray(value)) for (const item of value) yield [name, String(item)];
    else yield [name, value === true ? "" : String(value)];
  }
}

function truncate(value: string): string {
  // JSON's escapes show control characters and tabs hidden in a URL.
  const printable = JSON.stringify(value).slice(1, -1);
  return printable.length > 60 ? `${printable.slice(0, 59)}…` : printable;
}

function warn(file: VFile, node: Element, reason: string): void {
  file.message(reason, { place: node.position, ruleId: "unsafe-html", source });
}
