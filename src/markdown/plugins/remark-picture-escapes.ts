import type { Root } from "mdast";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";

const source = "remark-picture-escapes";

/**
 * Stops, at its line, a picture whose path holds a `%` escape that stands
 * for no character (`./caf%E0.jpg`). Markdown URL-decodes a picture's path,
 * and Astro's own pass, which runs after this one, would otherwise stop the
 * whole build with a bare `URIError: URI malformed` naming neither the line
 * nor the path. The picture (or the definition it takes its path from) is
 * left out, so the plugins after this one still run and the build names
 * every other problem of the article too.
 */
export default function remarkPictureEscapes() {
  return function (tree: Root, file: VFile): undefined {
    const pictureLabels = new Set<string>();
    visit(tree, "imageReference", (node) => {
      pictureLabels.add(node.identifier);
    });
    visit(tree, (node, index, parent) => {
      const picture =
        node.type === "image" || (node.type === "definition" && pictureLabels.has(node.identifier))
          ? node
          : undefined;
      if (!picture || decodes(picture.url) || !parent || index === undefined) return;
      const message = file.message(
        `the picture \`${picture.url}\` has a \`%\` that stands for no character: write a \`%\` in a file name as \`%25\``,
        { place: picture.position, ruleId: "figure", source },
      );
      message.fatal = true;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}

/** Whether `url` decodes as Astro decodes a picture's path. */
function decodes(url: string): boolean {
  try {
    decodeURI(url);
    return true;
  } catch {
    return false;
  }
}
