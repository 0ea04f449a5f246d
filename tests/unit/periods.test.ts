import { describe, expect, test } from "vitest";
import {
  childPeriod,
  parentPeriods,
  periodKind,
  periodPages,
  periodParam,
  periodPath,
  periodTrail,
} from "../../src/lib/periods";

describe("periods", () => {
  test("are prefixes of a date: all time, a year, a month, a day", () => {
    expect(["", "2015", "2015-11", "2015-11-15"].map(periodKind)).toEqual([
      "all",
      "year",
      "month",
      "day",
    ]);
    expect(() => periodKind("2015-1")).toThrow(RangeError);
    expect(() => periodKind("../x")).toThrow(RangeError);
  });

  test("step down one level towards a date, and list the periods above them", () => {
    expect(childPeriod("", "2015-11-15")).toBe("2015");
    expect(childPeriod("2015", "2015-11-15")).toBe("2015-11");
    expect(childPeriod("2015-11", "2015-11-15")).toBe("2015-11-15");
    expect(() => childPeriod("2015-11-15", "2015-11-15")).toThrow(RangeError);
    expect(parentPeriods("2015-11-15")).toEqual(["", "2015", "2015-11"]);
    expect(parentPeriods("2015")).toEqual([""]);
    expect(parentPeriods("")).toEqual([]);
  });

  test("become URL path segments", () => {
    expect(periodPath("")).toBe("");
    expect(periodPath("2015-11-15")).toBe("2015/11/15/");
  });
});

/** Dates, newest first, as the articles come. */
const dated = (dates: string[]) => [...dates].sort().reverse();
const pageSummary = <T>(pages: ReturnType<typeof periodPages<T>>) =>
  pages.map(({ period, items, listsItems, children }) => [
    period,
    listsItems ? items.length : children.map((child) => `${child.period}:${child.count}`),
  ]);

describe("periodPages", () => {
  test("lists everything on one page while it fits", () => {
    const items = dated(["2015-11-15", "2014-01-02", "2015-11-16"]);
    const pages = periodPages(items, (date) => date, { limit: 3 });
    expect(pageSummary(pages)).toEqual([["", 3]]);
    expect(pages[0]!.items).toEqual(["2015-11-16", "2015-11-15", "2014-01-02"]);
  });

  test("splits by year, then month, then day, only where a period is too big", () => {
    const items = dated([
      "2013-05-01",
      "2015-01-01",
      "2015-11-01",
      "2015-11-15",
      "2015-11-15",
      "2015-11-15",
    ]);
    const pages = periodPages(items, (date) => date, { limit: 2 });
    expect(pageSummary(pages)).toEqual([
      ["", ["2015:5", "2013:1"]],
      ["2015", ["2015-11:4", "2015-01:1"]],
      ["2015-11", ["2015-11-15:3", "2015-11-01:1"]],
      // A day is never split, however many it holds.
      ["2015-11-15", 3],
      ["2015-11-01", 1],
      ["2015-01", 1],
      ["2013", 1],
    ]);
    // A page that lists its smaller periods counts its items but does not hold them.
    expect(pages.map(({ period, count, items }) => [period, count, items.length])).toEqual([
      ["", 6, 0],
      ["2015", 5, 0],
      ["2015-11", 4, 0],
      ["2015-11-15", 3, 3],
      ["2015-11-01", 1, 1],
      ["2015-01", 1, 1],
      ["2013", 1, 1],
    ]);
  });

  test("lists every item on exactly one page that lists items", () => {
    const items = dated(
      Array.from({ length: 500 }, (_, i) =>
        new Date(Date.UTC(2010, 0, 1 + i * 7)).toISOString().slice(0, 10),
      ),
    );
    const pages = periodPages(items, (date) => date, { limit: 20 });
    const listed = pages.filter((page) => page.listsItems).flatMap((page) => page.items);
    expect(listed).toEqual(items);
    expect(
      Math.max(...pages.filter((p) => p.listsItems).map((p) => p.items.length)),
    ).toBeLessThanOrEqual(20);
  });

  test("makes a page for every year, month and day when asked, as the date archive does", () => {
    const items = dated(["2015-11-15", "2015-11-16", "2014-02-01"]);
    const pages = periodPages(items, (date) => date, { limit: 10, everyPeriod: true });
    expect(pages.map((page) => page.period)).toEqual([
      "",
      "2015",
      "2015-11",
      "2015-11-16",
      "2015-11-15",
      "2014",
      "2014-02",
      "2014-02-01",
    ]);
    expect(pages.every((page) => page.listsItems)).toBe(true);
  });

  test("keeps the pages of other periods as they were when an item is added", () => {
    const before = dated(["2014-03-01", "2014-03-02", "2014-03-03", "2015-01-01"]);
    const after = dated([...before, "2015-06-01", "2015-06-02"]);
    const pagesOf = (items: string[]) =>
      new Map(periodPages(items, (d) => d, { limit: 2 }).map((p) => [p.period, JSON.stringify(p)]));
    const [old, updated] = [pagesOf(before), pagesOf(after)];
    const changed = [...updated.keys()].filter((period) => old.get(period) !== updated.get(period));
    expect(changed).toEqual(["", "2015", "2015-06", "2015-01"]);
    // 2015-01 is new as a page (2015 now splits), not changed: it lists what it listed before.
    expect(old.has("2015-01")).toBe(false);
    expect(updated.get("2014")).toBe(old.get("2014"));
  });

  test("refuses a limit that is not a positive whole number", () => {
    expect(() => periodPages([], (d: string) => d, { limit: 0 })).toThrow(RangeError);
  });
});

describe("periodTrail", () => {
  const href = (period: string) => `/topics/syrian-war/${periodPath(period)}`;
  const before = [{ label: "Topics", href: "/topics/" }];

  test("leads from the top of the site to a day of a list", () => {
    expect(periodTrail("2015-11-15", { before, rootLabel: "Syrian War", href })).toEqual({
      trail: [
        { label: "Topics", href: "/topics/" },
        { label: "Syrian War", href: "/topics/syrian-war/" },
        { label: "2015", href: "/topics/syrian-war/2015/" },
        { label: "November 2015", href: "/topics/syrian-war/2015/11/" },
      ],
      current: "November 15, 2015",
    });
  });

  test("names the list itself on its first page", () => {
    expect(periodTrail("", { before, rootLabel: "Syrian War", href })).toEqual({
      trail: before,
      current: "Syrian War",
    });
  });
});

test("periodParam gives a route's rest parameter", () => {
  expect(periodParam("")).toBeUndefined();
  expect(periodParam("2015-11")).toBe("2015/11");
});
