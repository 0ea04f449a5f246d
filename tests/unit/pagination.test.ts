import { describe, expect, test } from "vitest";
import { paginate, pagerNumbers } from "../../src/lib/pagination";
import { listPagePath } from "../../src/lib/site-urls";

describe("paginate", () => {
  test("splits items into pages of a fixed size, the last one shorter", () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages).toEqual([
      { number: 1, total: 3, items: [1, 2] },
      { number: 2, total: 3, items: [3, 4] },
      { number: 3, total: 3, items: [5] },
    ]);
  });

  test("makes one empty page for no items, so the front page always exists", () => {
    expect(paginate([], 20)).toEqual([{ number: 1, total: 1, items: [] }]);
  });

  test("rejects a page size that is not a positive whole number", () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
    expect(() => paginate([1], 1.5)).toThrow(RangeError);
  });
});

describe("listPagePath", () => {
  test("puts page 1 at the front page and the others under page/", () => {
    expect(listPagePath(1)).toBe("");
    expect(listPagePath(2)).toBe("page/2/");
  });
});

describe("pagerNumbers", () => {
  test("shows every page when there are few", () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  test("shows the ends and a window around the current page, with gaps marked", () => {
    expect(pagerNumbers(250, 500)).toEqual([1, null, 248, 249, 250, 251, 252, null, 500]);
    expect(pagerNumbers(1, 500)).toEqual([1, 2, 3, null, 500]);
    expect(pagerNumbers(500, 500)).toEqual([1, null, 498, 499, 500]);
  });

  test("shows a lone left-out number instead of an ellipsis", () => {
    expect(pagerNumbers(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pagerNumbers(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
  });
});
