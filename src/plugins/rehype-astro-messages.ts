import type {} from "@astrojs/markdown-remark";
import type { Root } from "hast";
import type { VFile } from "vfile";

/** A plugin's message about a document, in a shape Astro can store with the rendered entry. */
export interface DocumentMessage {
  /** What is wrong, or what was changed. */
  reason: string;
  /** Whether the document must not be published as it is. */
  fatal: boolean;
  /** The line in the Markdown file the message is about, when known. */
  line?: number;
  /** The column in that line, when known. */
  column?: number;
  /** Which plugin said it. */
  source?: string;
}

/** The frontmatter key under which a rendered entry keeps its messages. */
export const messagesKey = "documentMessages";

/**
 * Hands the document's messages (`file.message(…)` from earlier plugins) to
 * Astro. Astro drops unified's messages, but keeps what plugins add to the
 * frontmatter with the rendered entry (`remarkPluginFrontmatter`), where the
 * article loader reads them to print warnings and stop the build on errors,
 * on every build, even when the entry came from the cache.
 */
export default function rehypeAstroMessages() {
  return function (_tree: Root, file: VFile): undefined {
    const messages: DocumentMessage[] = file.messages.map((message) => ({
      reason: message.reason,
      fatal: message.fatal === true,
      ...(message.line !== undefined && { line: message.line }),
      ...(message.column !== undefined && { column: message.column }),
      ...(message.source !== undefined && { source: message.source }),
    }));
    const astro = (file.data.astro ??= {});
    (astro.frontmatter ??= {})[messagesKey] = messages;
  };
}
