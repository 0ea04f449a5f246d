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
