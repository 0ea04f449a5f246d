import type { UnifiedProcessorOptions } from "@astrojs/markdown-remark";
import rehypeRaw from "rehype-raw";
import rehypeSlug from "rehype-slug";
import { isPageId } from "../lib/page-ids";
import { articleHtmlSchema } from "./article-html-schema";
import rehypeAstroMessages from "./plugins/rehype-astro-messages";
import rehypeBaseLinks from "./plugins/rehype-base-links";
import rehypeCleanHtml from "./plugins/rehype-clean-html";
import rehypeFigures from "./plugins/rehype-figures";
import rehypeCorrectionParagraphs from "./plugins/rehype-correction-paragraphs";
import rehypeFormerIds from "./plugins/rehype-former-ids";
import rehypeHeadingIds from "./plugins/rehype-heading-ids";
import rehypeHeadingPins from "./plugins/rehype-heading-pins";
import rehypeParagraphIds from "./plugins/rehype-paragraph-ids";
import rehypeSectionLinks from "./plugins/rehype-section-links";
import rehypeUpdateParagraph from "./plugins/rehype-update-paragraph";
import remarkPictureEscapes from "./plugins/remark-picture-escapes";
import remarkReadingTime from "./plugins/remark-reading-time";

/** What the pipeline depends on besides the Markdown. */
export interface PipelineSettings {
  /** The path the site lives under, "/" or "/reader/": root-relative links get it. */
  base: string;
}

/**
 * The one list of remark and rehype plugins, with their options, that turns
 * an article's Markdown into its HTML: astro.config.mjs hands it to Astro's
 * unified processor, and the plugin tests render with the same list.
 */
export function markdownPipeline({ base }: PipelineSettings) {
  return {
    // The newsroom's typography is already right (the wire copy has its
    // curly quotes and dashes), and rewriting it cost 60% of Markdown
    // rendering time in a profile of 1,000 articles.
    smartypants: false,
    gfm: true,
    // Before Astro's own pass over the pictures, which runs after these.
    remarkPlugins: [remarkPictureEscapes, remarkReadingTime],
    rehypePlugins: [
      // Astro parses pasted HTML only after every plugin; parse it first,
      // so the sanitiser sees it, and sanitise before we add ids and links.
      rehypeRaw,
      [rehypeCleanHtml, { schema: articleHtmlSchema }],
      // Before the paragraphs are counted: a picture is no paragraph of the story.
      rehypeFigures,
      [rehypeHeadingPins, { isReserved: isPageId }],
      rehypeSlug,
      [rehypeHeadingIds, { isReserved: isPageId }],
      [rehypeFormerIds, { isReserved: isPageId }],
      rehypeSectionLinks,
      rehypeParagraphIds,
      rehypeUpdateParagraph,
      rehypeCorrectionParagraphs,
      [rehypeBaseLinks, { base }],
      // Last, so it hands every plugin's warnings and errors to the loader.
      rehypeAstroMessages,
    ],
  } satisfies UnifiedProcessorOptions;
}
