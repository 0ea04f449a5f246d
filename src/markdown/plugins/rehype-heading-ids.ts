import type { Element, Root } from "hast";
import { headingRank } from "hast-util-heading-rank";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import { slugifyHeading } from "../../lib/slugs";

/** Options of `rehypeHeadingIds`. */
export interface Options {
  /** Ids the page around the article uses, which no heading may take (default: none). */
  isReserved?: (id: string) => boolean;
}

/** An id a link can rely on: it has a letter or digit and does not start or end with `-` or `_` (no `__proto__`). */
const readableId = /^[\p{L}\p{N}](?:.*[\p{L}\p{N}])?$/su;

/**
 * Makes every heading's id one that links can rely on. Runs after
 * rehype-slug, which gives each heading GitHub's id for its text and numbers
 * repeats (`-1`, `-2`), but cannot know what else the page holds: the ids
 * editors pinned (`rehypeHeadingPins`), the page's own ids (`isReserved`), or
 * what to do with a heading that has nothing to slug ("***", "—").
 *
 * Authored ids stay as they are, and so does every id rehype-slug gave that
 * is readable and free. An id that is not readable is made again from the
 * heading's text, with the fallback `section`; one that the page uses or a
 * pin took gets the first free `-1`, `-2`, … after it.
 */
export default function rehypeHeadingIds(options: Options = {}) {
  const { isReserved = () => false } = options;

  return function (tree: Root): undefined {
    const headings: Element[] = [];
    visit(tree, "element", (node) => {
      if (headingRank(node)) headings.push(node);
    });

    // Authored ids first, then every id rehype-slug gave that needs no
    // repair: a repaired heading never takes another heading's id, so a
    // heading that needs one never renames the rest.
    const taken = new Set<string>();
    for (const heading of headings) {
      const { id } = heading.properties;
      if (heading.data?.authoredId && typeof id === "string") taken.add(id);
    }
    const needsRepair: Element[] = [];
    for (const heading of headings) {
      if (heading.data?.authoredId) continue;
      const given = heading.properties.id;
      if (
        typeof given === "string" &&
        readableId.test(given) &&
        !isReserved(given) &&
        !taken.has(given)
      ) {
        taken.add(given);
      } else {
        needsRepair.push(heading);
      }
    }
    for (const heading of needsRepair) {
      const given = heading.properties.id;
      const base =
        typeof given === "string" && readableId.test(given)
          ? given
          : slugifyHeading(toString(heading));
      let id = base;
      for (let n = 1; taken.has(id) || isReserved(id); n++) id = `${base}-${n}`;
      taken.add(id);
      heading.properties.id = id;
    }
  };
}
