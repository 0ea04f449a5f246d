import type {} from "@astrojs/markdown-remark";
import type { Root } from "hast";
import type { VFile } from "vfile";
import { messagesKey, type DocumentMessage } from "../../lib/document-messages";

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
