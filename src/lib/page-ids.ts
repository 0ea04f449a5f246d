/**
 * The ids that the page layout gives its own elements, so that heading ids
 * made from an article's text never take one of them: a heading "Main" must
 * not become a second `#main`, nor "P 3" a second `#p-3`.
 */
export const PAGE_IDS = {
  /** The main landmark, which the skip link moves focus to. */
  main: "main",
  /** The heading that labels the table of contents. */
  tocHeading: "toc-heading",
  /** The heading that labels the related items. */
  relatedHeading: "related-heading",
  /** The heading that labels the earlier stories on the article's topics. */
  earlierHeading: "earlier-heading",
  /** The heading that labels the article's topics. */
  topicsHeading: "topics-heading",
  /** Body paragraphs are `p-1`, `p-2`, … by position; this is the part before the number. */
  paragraphPrefix: "p-",
  /** The heading of the article's corrections record, which "Corrected" links to. */
  corrections: "corrections",
  /** Corrections are `correction-2016-03-02` by date (`…-2` for a day's second); this is the part before it. */
  correctionPrefix: "correction-",
} as const;

/** The id of the body paragraph at a position counted from 1: `p-3` for the third. */
export function paragraphId(position: number): string {
  return `${PAGE_IDS.paragraphPrefix}${position}`;
}

/** The id of an article's correction of a day (`YYYY-MM-DD`), the day's first, second…: `correction-2016-03-02`, `correction-2016-03-02-2`. */
export function correctionId(date: string, nthOfDay = 1): string {
  return `${PAGE_IDS.correctionPrefix}${date}${nthOfDay === 1 ? "" : `-${nthOfDay}`}`;
}

const paragraphIdPattern = new RegExp(`^${PAGE_IDS.paragraphPrefix}[1-9][0-9]*$`);

// Exactly the ids corrections get: a heading "Correction 2016-03-02" then
// becomes `correction-2016-03-02-1`, which no correction takes.
const correctionIdPattern = new RegExp(
  `^${PAGE_IDS.correctionPrefix}\\d{4}-\\d{2}-\\d{2}(?:-[2-9]|-[1-9][0-9]+)?$`,
);

/** Whether an id is one the layout owns, so content must not use it. */
export function isPageId(id: string): boolean {
  return (
    id === PAGE_IDS.main ||
    id === PAGE_IDS.tocHeading ||
    id === PAGE_IDS.relatedHeading ||
    id === PAGE_IDS.topicsHeading ||
    id === PAGE_IDS.corrections ||
    paragraphIdPattern.test(id) ||
    correctionIdPattern.test(id)
  );
}
