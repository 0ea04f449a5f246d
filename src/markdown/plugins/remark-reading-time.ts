import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { countWords, readingMinutes, WORDS_PER_MINUTE } from "../../lib/reading-time";

/** Options of `remarkReadingTime`. */
export interface Options {
  /** The reading speed (default: 238, the adult average for non-fiction). */
  wordsPerMinute?: number;
  /** The language the words are counted in (default: `en`). */
  locale?: string;
}

/**
 * Counts the words of an article's body at build time and stores the minutes
 * it takes to read as `readingMinutes` in Astro's frontmatter of the rendered
 * document (`remarkPluginFrontmatter` of `render()`).
 */
export default function remarkReadingTime(options: Options = {}) {
  const { wordsPerMinute = WORDS_PER_MINUTE, locale = "en" } = options;

  return function (tree: Root, file: VFile): undefined {
    let words = 0;
    // Node by node: the tree's text as one string would run the last word of
    // a paragraph and the first of the next together into one.
    visit(tree, ["text", "inlineCode"], (node) => {
      if ("value" in node) words += countWords(node.value, locale);
    });
    file.data.astro ??= {};
    file.data.astro.frontmatter = {
      ...file.data.astro.frontmatter,
      readingMinutes: readingMinutes(words, wordsPerMinute),
    };
  };
}
