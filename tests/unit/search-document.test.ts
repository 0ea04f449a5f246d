import { expect, test } from "vitest";
import { withoutParagraphIds } from "../../src/lib/search-document";

test("takes the body paragraphs' ids out of what the search index reads", () => {
  expect(withoutParagraphIds('<p id="p-1">One</p><p id="p-12" class="x">Twelve</p>')).toBe(
    '<p>One</p><p class="x">Twelve</p>',
  );
});

test("keeps the section headings' ids, which make the sub-results, and links to paragraphs", () => {
  const html =
    '<h2 id="assads-future">Assad’s Future</h2><h2 id="p-2-talks">P-2 Talks</h2><a href="#p-3">third paragraph</a>';
  expect(withoutParagraphIds(html)).toBe(html);
});
