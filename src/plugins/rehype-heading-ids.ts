import type { Element, Root, Text } from "hast";
import { headingRank } from "hast-util-heading-rank";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { sectionIdPattern, slugifyHeading } from "../lib/slugs";

/** Options of `rehypeHeadingIds`. */
export interface Options {
  /** Ids the page around the article uses, which no heading may take (default: none). */
  isReserved?: (id: string) => boolean;
}

/** `## Assad’s Fate {#assads-future}`: a pinned id at the end of a heading. */
const pinnedIdSyntax = /\s*\{#([^{}]*)\}\s*$/u;

const source = "rehype-heading-ids";

/**
 * Gives every heading a unique id that links can rely on.
 *
 * An editor may pin a heading's id by ending it with `{#an-id}`, so that
 * rewording the heading keeps the links to it; the marker is removed from the
 * text. Other headings get an id from their text (see `slugifyHeading`), with
 * `-1`, `-2`, … added when the id is taken: by an earlier heading, by a pinned
 * id anywhere in the document, or by the page itself (`isReserved`). A pin
 * that cannot work (malformed, taken twice, reserved) is reported on the file
 * as a fatal message; the heading then gets a generated id.
 */
export default function rehypeHeadingIds(options: Options = {}) {
  const { isReserved = () => false } = options;

  return function (tree: Root, file: VFile): undefined {
    const headings: Element[] = [];
    visit(tree, "element", (node) => {
      if (headingRank(node)) headings.push(node);
    });

    // Pins first, so that a generated id never takes one, whatever the order.
    const taken = new Set<string>();
    const pins = new Map<Element, string>();
    for (const heading of headings) {
      const pin = takePin(heading);
      if (pin === undefined) continue;
      const problem = pinProblem(pin, taken, isReserved);
      if (problem) {
        fail(file, heading, `the heading “${toString(heading).trim()}” ${problem}`);
        continue;
      }
      taken.add(pin);
      pins.set(heading, pin);
    }
    // Ids that survived sanitising (footnotes' own) stay as they are.
    for (const heading of headings) {
      const { id } = heading.properties;
      if (!pins.has(heading) && typeof id === "string" && id !== "") taken.add(id);
    }

    for (const heading of headings) {
      const pin = pins.get(heading);
      if (pin !== undefined) {
        heading.properties.id = pin;
        continue;
      }
      if (typeof heading.properties.id === "string" && heading.properties.id !== "") continue;
      const base = slugifyHeading(toString(heading));
      let id = base;
      for (let n = 1; taken.has(id) || isReserved(id); n++) id = `${base}-${n}`;
      taken.add(id);
      heading.properties.id = id;
    }
  };
}

/** Removes a `{#id}` marker from the end of the heading's text and returns the id in it. */
function takePin(heading: Element): string | undefined {
  const last = lastText(heading);
  const match = last && pinnedIdSyntax.exec(last.value);
  if (!last || !match) return undefined;
  last.value = last.value.slice(0, match.index);
  return match[1]!.trim();
}

/** The heading's last text node, however deep (`## *Assad’s Fate {#x}*`). */
function lastText(node: Element): Text | undefined {
  for (let index = node.children.length - 1; index >= 0; index--) {
    const child = node.children[index]!;
    if (child.type === "text" && child.value.trim() !== "") return child;
    // Code shows the syntax literally: `## Pin a heading with `{#id}``.
    if (child.type === "element") return child.tagName === "code" ? undefined : lastText(child);
  }
  return undefined;
}

/** Why a pinned id cannot be used, or undefined when it can. */
function pinProblem(
  pin: string,
  taken: ReadonlySet<string>,
  isReserved: (id: string) => boolean,
): string | undefined {
  if (!sectionIdPattern.test(pin)) {
    return `pins the id “${pin}”, which is not an id: use letters, digits and single hyphens, as in {#assads-future}`;
  }
  if (isReserved(pin)) return `pins the id \`${pin}\`, which the page itself uses: pick another`;
  if (taken.has(pin)) return `pins the id \`${pin}\`, which another heading pins too`;
  return undefined;
}

function fail(file: VFile, heading: Element, reason: string): void {
  const message = file.message(reason, { place: heading.position, ruleId: "pinned-id", source });
  message.fatal = true;
}
