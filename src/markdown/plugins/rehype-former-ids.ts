import type {} from "@astrojs/markdown-remark";
import type { Element, Root } from "hast";
import { headingRank } from "hast-util-heading-rank";
import { h } from "hastscript";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";

/** A document's former ids: each section's current id → the ids it had before. */
export type FormerIds = Readonly<Record<string, string | readonly string[]>>;

/** Options of `rehypeFormerIds`. */
export interface Options {
  /** Where a document's former ids are (default: Astro's frontmatter field `formerIds`). */
  formerIds?: (file: VFile) => FormerIds | undefined;
  /** Ids the page around the article uses (default: none). */
  isReserved?: (id: string) => boolean;
}

const source = "rehype-former-ids";

/** Reads the `formerIds` field of the frontmatter Astro puts on the file. */
function fromFrontmatter(file: VFile): FormerIds | undefined {
  const value: unknown = file.data.astro?.frontmatter?.["formerIds"];
  return value && typeof value === "object" ? (value as FormerIds) : undefined;
}

/**
 * Keeps old links to a section working after its id changed: each former id
 * becomes an empty anchor at the start of the section's heading, so
 * `…#assads-fate` still lands on the section now called `#assads-future`.
 *
 * A former id naming no section, one that is some element's id already, or
 * one listed twice is reported on the file as a fatal message.
 */
export default function rehypeFormerIds(options: Options = {}) {
  const { formerIds = fromFrontmatter, isReserved = () => false } = options;

  return function (tree: Root, file: VFile): undefined {
    const map = formerIds(file);
    if (!map) return;

    const ids = new Set<string>();
    const sections = new Map<string, Element>();
    visit(tree, "element", (node) => {
      const { id } = node.properties;
      if (typeof id !== "string") return;
      ids.add(id);
      if (headingRank(node)) sections.set(id, node);
    });

    const listed = new Set<string>();
    for (const [section, value] of Object.entries(map)) {
      const heading = sections.get(section);
      if (!heading) {
        const known = [...sections.keys()].map((id) => `\`${id}\``).join(", ");
        fail(
          file,
          `\`formerIds\` lists \`${section}\`, but the article has no section with that id (its sections: ${known || "none"})`,
        );
        continue;
      }
      const anchors: Element[] = [];
      for (const former of typeof value === "string" ? [value] : value) {
        if (ids.has(former) || isReserved(former)) {
          fail(file, `the former id \`${former}\` of \`${section}\` is an id on the page already`);
        } else if (listed.has(former)) {
          fail(file, `the former id \`${former}\` is listed twice in \`formerIds\``);
        } else {
          listed.add(former);
          anchors.push(h("span", { id: former }));
        }
      }
      heading.children.unshift(...anchors);
    }
  };
}

function fail(file: VFile, reason: string): void {
  const message = file.message(reason, { ruleId: "former-id", source });
  message.fatal = true;
}
