import type { Element, Root, Text } from "hast";
import { headingRank } from "hast-util-heading-rank";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { sectionIdPattern } from "../../lib/slugs";

declare module "hast" {
  interface ElementData {
    /** The heading's id is the author's (pinned, or kept from the source): later plugins must not change it. */
    authoredId?: boolean;
  }
}

/** Options of `rehypeHeadingPins`. */
export interface Options {
  /** Ids the page around the article uses, which no heading may pin (default: none). */
  isReserved?: (id: string) => boolean;
}

/** `## Assad’s Fate {#assads-future}`: a pinned id at the end of a heading. */
const pinnedIdSyntax = /\s*\{#([^{}]*)\}\s*$/u;

const source = "rehype-heading-pins";

/**
 * Lets an editor pin a heading's id by ending it with `{#an-id}`, so that
 * rewording the heading keeps the links to it. Runs before rehype-slug: the
 * marker is removed from the text and the id set, so rehype-slug (which only
 * fills in missing ids) leaves the heading alone. Headings whose id survived
 * sanitising (footnotes' own) are marked as authored too. A pin that cannot
 * work (malformed, taken twice, reserved) is reported on the file as a fatal
 * message; that heading is left to rehype-slug.
 */
export default function rehypeHeadingPins(options: Options = {}) {
  const { isReserved = () => false } = options;

  return function (tree: Root, file: VFile): undefined {
    const pinned = new Set<string>();
    visit(tree, "element", (heading) => {
      if (!headingRank(heading)) return;
      const pin = takePin(heading);
      if (pin === undefined) {
        const { id } = heading.properties;
        if (typeof id === "string" && id !== "") markAuthored(heading);
        return;
      }
      const problem = pinProblem(pin, pinned, isReserved);
      if (problem) {
        fail(file, heading, `the heading “${toString(heading).trim()}” ${problem}`);
        return;
      }
      pinned.add(pin);
      heading.properties.id = pin;
      markAuthored(heading);
    });
  };
}

function markAuthored(heading: Element): void {
  if (heading.data) heading.data.authoredId = true;
  // hast-util-from-parse5 declares its optional `position` as required.
  else heading.data = { authoredId: true } as Element["data"];
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
  pinned: ReadonlySet<string>,
  isReserved: (id: string) => boolean,
): string | undefined {
  if (!sectionIdPattern.test(pin)) {
    return `pins the id “${pin}”, which is not an id: use letters, digits and single hyphens, as in {#assads-future}`;
  }
  if (isReserved(pin)) return `pins the id \`${pin}\`, which the page itself uses: pick another`;
  if (pinned.has(pin)) return `pins the id \`${pin}\`, which another heading pins too`;
  return undefined;
}

function fail(file: VFile, heading: Element, reason: string): void {
  const message = file.message(reason, { place: heading.position, ruleId: "pinned-id", source });
  message.fatal = true;
}
