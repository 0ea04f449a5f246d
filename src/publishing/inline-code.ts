import { Parser } from "htmlparser2";

/** The code of a page's inline `<script>` (that the browser would run) and `<style>` elements. */
export interface InlineCode {
  scripts: string[];
  styles: string[];
}

/** Script types a browser runs; any other type (such as `application/ld+json`) is a data block. */
const scriptTypes = new Set(["", "module", "text/javascript", "application/javascript"]);

/**
 * Finds the inline scripts and styles of an HTML document. htmlparser2 reads
 * `<script>` and `<style>` as raw text, as browsers do, and is fast enough to
 * run over every page of a large archive (parse5 through rehype-parse took
 * 0.65 ms a page, most of the time a 1,000-article build spent here).
 */
export function inlineCodeOf(html: string): InlineCode {
  const code: InlineCode = { scripts: [], styles: [] };
  // The element being read and its text so far; undefined outside one.
  let open: { list: string[]; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "style") open = { list: code.styles, text: "" };
        const type = (attributes["type"] ?? "").toLowerCase();
        if (name === "script" && attributes["src"] === undefined && scriptTypes.has(type)) {
          open = { list: code.scripts, text: "" };
        }
      },
      ontext(text) {
        if (open) open.text += text;
      },
      onclosetag(name) {
        if (open && (name === "style" || name === "script")) {
          open.list.push(open.text);
          open = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return code;
}
