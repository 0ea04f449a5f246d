import { defaultSchema, type Options as Schema } from "rehype-sanitize";

const github = defaultSchema;
const githubAny = github.attributes?.["*"] ?? [];

/**
 * The HTML an article may contain, whether written in Markdown or pasted raw:
 * GitHub's allowlist (`rehype-sanitize`'s `defaultSchema`), widened only for
 * what news articles use and narrowed where GitHub's would let an editor's
 * paste reach into the page around the article.
 */
export const articleHtmlSchema: Schema = {
  ...github,
  // Photos with captions, and tables with captions, as wires and CMSs export them.
  tagNames: [
    ...(github.tagNames ?? []),
    "abbr",
    "caption",
    "cite",
    "figcaption",
    "figure",
    "mark",
    "small",
    "time",
  ],
  attributes: {
    ...github.attributes,
    "*": [
      // No `name` (it clobbers `document`'s properties through <img name>)
      // and no pasted ids, which could take a section's or the page's id:
      // only the ids Markdown footnotes make for themselves. Headings and
      // paragraphs get their ids after sanitising, from our own plugins.
      // No `tabindex` or `accesskey`, which reorder and hijack the keyboard.
      ...githubAny.filter(
        (name) => !["id", "name", "tabIndex", "accessKey"].includes(String(name)),
      ),
      ["id", /^user-content-fn/, "footnote-label"],
    ],
  },
  // Keep ids as they are: the `user-content-` prefix is already on the
  // footnote ids, and a second one would break their links.
  clobberPrefix: "",
  // Elements whose content is not prose go with their content, instead of
  // leaving their code or markup behind as visible text.
  strip: [
    ...(github.strip ?? []),
    "applet",
    "embed",
    "frame",
    "frameset",
    "iframe",
    "math",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "plaintext",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "xmp",
  ],
};
