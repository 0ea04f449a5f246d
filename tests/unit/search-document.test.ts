import { expect, test } from "vitest";
import { searchDocument, withoutParagraphIds } from "../../src/lib/search-document";

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

test("marks the topic links, and the byline's and credit line's name links, as Pagefind filters", () => {
  const html =
    '<p class="byline">By <a href="/people/margaret-talev/">Margaret Talev</a></p>' +
    '<p>See <a href="/topics/russia/">Russia</a> and <a href="/people/someone/">someone</a>.</p>' +
    '<p class="contributors">With <a href="/people/henry-meyer/">Henry Meyer</a></p>' +
    '<aside class="topics" aria-labelledby="topics-heading"><ul><li><a href="/topics/russia/">Russia</a></li></ul></aside>';
  expect(searchDocument(html)).toBe(
    '<p class="byline">By <a data-pagefind-filter="person" href="/people/margaret-talev/">Margaret Talev</a></p>' +
      // A link in the text files the article under nothing.
      '<p>See <a href="/topics/russia/">Russia</a> and <a href="/people/someone/">someone</a>.</p>' +
      '<p class="contributors">With <a data-pagefind-filter="person" href="/people/henry-meyer/">Henry Meyer</a></p>' +
      '<aside class="topics" aria-labelledby="topics-heading"><ul><li><a data-pagefind-filter="topic" href="/topics/russia/">Russia</a></li></ul></aside>',
  );
});
