import { PAGE_IDS } from "./page-ids.ts";

/** `id="p-12"`, as the build writes a body paragraph's id. */
const paragraphIdAttribute = new RegExp(` id="${PAGE_IDS.paragraphPrefix}[1-9][0-9]*"`, "g");

/**
 * A page's HTML as the search indexer should read it: without the body
 * paragraphs' ids. Pagefind records every element with an id as an anchor
 * of the page, and splits results only at headings, so paragraph ids cost
 * index time and memory and give nothing back (10,000 synthetic pages with
 * about 20 ids each: 51 s and 3.5 GB with them, 31 s without). The section
 * headings keep theirs: they make the sub-results that link to a section.
 */
export function withoutParagraphIds(html: string): string {
  return html.replace(paragraphIdAttribute, "");
}

/**
 * Where an article page links its topics and its people, the containers'
 * opening tags as the components write them (ArticleTopics, Byline,
 * Contributors), and the Pagefind filter each link inside files it under.
 */
const FILTER_LINKS = [
  { container: /<aside class="topics"[^>]*>[\s\S]*?<\/aside>/g, filter: "topic" },
  { container: /<p class="(?:byline|contributors)">[\s\S]*?<\/p>/g, filter: "person" },
] as const;

/**
 * A page's HTML with its topic and person links marked as Pagefind filters
 * (`data-pagefind-filter="topic"`), so that the search can be narrowed by
 * them. Marked here, as the index reads the page, not in the page itself:
 * the attributes would weigh on every article page (25 bytes gzip of its
 * 7 KB budget) and do nothing for a reader.
 */
export function withSearchFilters(html: string): string {
  let marked = html;
  for (const { container, filter } of FILTER_LINKS) {
    marked = marked.replace(container, (part) =>
      part.replaceAll("<a ", `<a data-pagefind-filter="${filter}" `),
    );
  }
  return marked;
}

/** A page's HTML as the search index reads it: filters marked, paragraph ids gone. */
export function searchDocument(html: string): string {
  return withSearchFilters(withoutParagraphIds(html));
}
