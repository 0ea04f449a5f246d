import type {} from "@astrojs/markdown-remark";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Element, ElementContent, Properties, Root } from "hast";
import sharp from "sharp";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import {
  captionAndCredit,
  COLUMN_SIZES,
  COLUMN_WIDTHS,
  DECORATIVE_ALT,
  fallbackFormat,
  isPictureFile,
  isRemotePicture,
  PICTURE_EXTENSIONS,
  PICTURE_PLACEHOLDER,
} from "../../lib/pictures";

const source = "rehype-figures";

/** The widest copy of a picture in the column. */
const WIDEST = Math.max(...COLUMN_WIDTHS);

/** How a picture is written, for the messages. */
const SYNTAX = '![What it shows](./picture.jpg "Caption | Credit")';

/**
 * Makes each picture of the body a figure: a paragraph that holds only
 * `![alt](./file.jpg "Caption | Credit")` becomes a `<figure>` with the
 * picture and a `<figcaption>` of its caption and credit. The picture is a
 * `<picture>`: a WebP `<source>` and an `<img>` in the file's own format (a
 * PNG for formats old browsers lack), both left to Astro's image pipeline,
 * which runs when the body renders and makes each in the column's widths
 * (`widths` and `sizes` are handed to it on the element), at most 1280 px
 * wide, lazily loaded, with its width and height. The page that shows the
 * body cleans what Astro writes on the `<source>` (withValidPictureSources).
 *
 * Anything that would ship a broken or silent picture is fatal, reported at
 * its line: a picture inside a sentence or a link, one without `alt`, one
 * from another site, and (when the file is known) a file that is missing,
 * unreadable, or not in a format sharp reads. An `<img>` in pasted HTML is
 * removed with a warning, as the allowlist removes what it does not take.
 */
export default function rehypeFigures() {
  return async function (tree: Root, file: VFile): Promise<undefined> {
    const local = new Set(file.data.astro?.localImagePaths ?? []);
    const checks: Promise<void>[] = [];
    const fail = (reason: string, node: Element) => {
      const message = file.message(reason, { place: node.position, ruleId: "figure", source });
      message.fatal = true;
    };

    visit(tree, "element", (node, index, parent) => {
      if (node.tagName !== "img") return;
      const src = typeof node.properties.src === "string" ? node.properties.src : "";
      if (!src && parent && index !== undefined) {
        // The allowlist took its source away (a `javascript:` one), and said so.
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (!writtenInMarkdown(node, file)) {
        // Pasted HTML goes through the allowlist with warnings
        // (rehype-clean-html); a picture in it would skip the pipeline.
        const message = file.message(
          `removed <img src="${src}">: a picture is published only when written in Markdown, ${SYNTAX}`,
          { place: node.position, ruleId: "figure", source },
        );
        message.fatal = false;
        if (parent && index !== undefined) {
          parent.children.splice(index, 1);
          return [SKIP, index];
        }
        return;
      }
      const problem = pathProblem(src, local);
      if (problem) return fail(problem, node);
      const alt = typeof node.properties.alt === "string" ? node.properties.alt.trim() : "";
      if (!alt) {
        return fail(
          `the picture \`${src}\` has no alternative text: say what it shows, ${SYNTAX}, ` +
            `or write \`![${DECORATIVE_ALT}](${src})\` if it is only decoration`,
          node,
        );
      }
      if (!parent || parent.type !== "element" || parent.tagName !== "p" || index === undefined) {
        return fail(
          `the picture \`${src}\` must be a paragraph of its own, not part of a link or a list`,
          node,
        );
      }
      const others = parent.children.filter((child) => child !== node && !isBlank(child));
      if (others.length > 0) {
        return fail(
          `the picture \`${src}\` must be a paragraph of its own: put it on a line between blank lines`,
          node,
        );
      }
      const { caption, credit } = captionAndCredit(
        typeof node.properties.title === "string" ? node.properties.title : undefined,
      );
      // Options of Astro's getImage, which reads them off the element, not
      // HTML (hast types `widths` as the string of an old attribute).
      const options: Properties = {
        widths: COLUMN_WIDTHS.map(Number) as unknown as string,
        sizes: COLUMN_SIZES,
      };
      // The file as written: Markdown URL-encodes a src (a space becomes %20), and Astro's pass decodes it.
      const decoded = decodeURI(src);
      const placeholder = (width?: number) =>
        JSON.stringify({ src: decoded, ...options, ...(width && { width }), format: "webp" });
      const webp: Element = {
        type: "element",
        tagName: "source",
        // Astro's own pass (rehype-images) marks only `<img>`: the source
        // gets its placeholder here, in the same shape.
        properties: { type: "image/webp", [PICTURE_PLACEHOLDER]: placeholder() },
        children: [],
      };
      node.properties = {
        src,
        ...options,
        alt: alt === DECORATIVE_ALT ? "" : alt,
        format: fallbackFormat(src),
      };
      if (file.path) {
        const path = resolve(dirname(file.path), decoded);
        checks.push(
          checkFile(path, decoded, node, fail).then((width) => {
            // Shown at most as wide as the widest copy, like the lead.
            if (width && width > WIDEST) {
              node.properties.width = WIDEST;
              webp.properties[PICTURE_PLACEHOLDER] = placeholder(WIDEST);
            }
          }),
        );
      }
      const captionChildren: ElementContent[] = [
        ...(caption ? [{ type: "text" as const, value: caption }] : []),
        ...(caption && credit ? [{ type: "text" as const, value: " " }] : []),
        ...(credit
          ? [
              {
                type: "element" as const,
                tagName: "small",
                properties: { className: ["credit"] },
                children: [{ type: "text" as const, value: credit }],
              },
            ]
          : []),
      ];
      // The paragraph becomes the figure: it is no paragraph of the story.
      Object.assign(parent, {
        tagName: "figure",
        properties: {},
        children: [
          { type: "element", tagName: "picture", properties: {}, children: [webp, node] },
          ...(captionChildren.length > 0
            ? [
                {
                  type: "element" as const,
                  tagName: "figcaption",
                  properties: {},
                  children: captionChildren,
                },
              ]
            : []),
        ],
      } satisfies Partial<Element>);
      // The figure is made: none of its children is a picture to visit again.
      return [SKIP, parent.children.length];
    });
    await Promise.all(checks);
  };
}

/** What is wrong with a picture's path, if anything, given the paths Astro collected as local pictures. */
function pathProblem(src: string, local: ReadonlySet<string>): string | undefined {
  if (isRemotePicture(src)) {
    return (
      `the picture \`${src}\` is on another site: pictures are published from the site's own ` +
      "files, so save it beside the article and give its path from there, such as ./picture.jpg"
    );
  }
  if (src.startsWith("/")) {
    return `the picture \`${src}\` must be given from the article's folder, such as ./picture.jpg`;
  }
  if (!isPictureFile(src)) {
    return `the picture \`${src}\` is not in a format the site publishes (${PICTURE_EXTENSIONS.join(", ")})`;
  }
  if (!local.has(decodeURI(src))) {
    return `the picture \`${src}\` was not found by Astro's Markdown pipeline: write it as ${SYNTAX}`;
  }
  return undefined;
}

/** Whether an `<img>` came from Markdown's `![…](…)` (or `![…][ref]`), not from pasted HTML. */
function writtenInMarkdown(node: Element, file: VFile): boolean {
  const at = node.position?.start.offset;
  return at !== undefined && String(file.value).startsWith("![", at);
}

/** Whether a node is only white space between a paragraph's other nodes. */
function isBlank(node: ElementContent): boolean {
  return node.type === "text" && node.value.trim() === "";
}

/** Reports a picture file that is missing, or that sharp cannot read; its width when it reads. */
async function checkFile(
  path: string,
  src: string,
  node: Element,
  fail: (reason: string, node: Element) => void,
): Promise<number | undefined> {
  if (!existsSync(path)) {
    fail(
      `the picture \`${src}\` does not exist: tried ${path} (paths start from the article's folder)`,
      node,
    );
    return undefined;
  }
  try {
    const { width, height } = await sharp(path).metadata();
    if (!width || !height) throw new Error("it has no size");
    return width;
  } catch (error) {
    fail(
      `the picture \`${src}\` cannot be read as a picture (${(error as Error).message}): tried ${path}`,
      node,
    );
    return undefined;
  }
}
