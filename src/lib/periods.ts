/*
 * Lists of articles split by calendar period, never by a count from the
 * newest: publishing an article changes only the pages of the periods it
 * falls in, while a page numbered from the newest ("page 2") would change
 * its whole list on every publish.
 *
 * A period is a prefix of a `YYYY-MM-DD` date: "" (all time), "2015",
 * "2015-11", "2015-11-15".
 */

import { formatPeriod } from "./dates.ts";

/** A calendar period: "", "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export type Period = string;

/** How deep a period is: all time, a year, a month or a day. */
export type PeriodKind = "all" | "year" | "month" | "day";

const kinds: readonly PeriodKind[] = ["all", "year", "month", "day"];
const prefixLengths = [0, 4, 7, 10];
const pattern = /^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/;

/** What kind of period a period is; throws on anything that is not one. */
export function periodKind(period: Period): PeriodKind {
  if (!pattern.test(period))
    throw new RangeError(`Not a period (YYYY, YYYY-MM, YYYY-MM-DD): ${period}`);
  return kinds[prefixLengths.indexOf(period.length)]!;
}

/** The period one level below `period` that `date` (`YYYY-MM-DD`) falls in: "2015" → "2015-11". */
export function childPeriod(period: Period, date: string): Period {
  const depth = prefixLengths.indexOf(period.length);
  if (depth === prefixLengths.length - 1)
    throw new RangeError(`A day has no smaller period: ${period}`);
  return date.slice(0, prefixLengths[depth + 1]);
}

/** The periods that hold `period`, from all time down, itself excluded: "2015-11" → ["", "2015"]. */
export function parentPeriods(period: Period): Period[] {
  const depth = prefixLengths.indexOf(periodKind(period) === "all" ? 0 : period.length);
  return prefixLengths.slice(0, depth).map((length) => period.slice(0, length));
}

/** A period in URL path segments: "2015-11-15" → "2015/11/15/", "" → "". */
export function periodPath(period: Period): string {
  periodKind(period);
  return period === "" ? "" : `${period.replaceAll("-", "/")}/`;
}

/** A smaller period inside a page, and how many articles it holds. */
export interface PeriodCount {
  period: Period;
  count: number;
}

/** One page of a list split by period. */
export interface PeriodPage<T> {
  period: Period;
  /** How many items the period holds. */
  count: number;
  /**
   * The items the page lists, in the order given (newest first): every item
   * of the period when it lists them, none when it lists its smaller periods
   * instead. Not kept for those, since a person's or a topic's list of 10,000
   * articles would hold each of them once for every period it falls in.
   */
  items: T[];
  /** Whether the page lists its items; if not, it lists `children`, each with its own page. */
  listsItems: boolean;
  /** The smaller periods the items fall in, newest first, with their counts. */
  children: PeriodCount[];
}

/** Options of `periodPages`. */
export interface PeriodPageOptions {
  /** The most items a page lists; a period with more lists its smaller periods instead. A day always lists its items. */
  limit: number;
  /**
   * Make a page for every year, month and day that has items, as a date
   * archive does; otherwise only the pages a reader needs to reach every
   * item: all time, and below it only the periods of a split.
   */
  everyPeriod?: boolean;
}

/**
 * Splits items (newest first) into pages by period: all time lists them all
 * if there are no more than `limit`, else its years, each of which lists its
 * items or its months, and so on down to days. Every item is listed on
 * exactly one page that lists items, and whether a period is split depends
 * only on the items inside it, so a new item changes only its own periods'
 * pages.
 */
export function periodPages<T>(
  items: readonly T[],
  dateOf: (item: T) => string,
  { limit, everyPeriod = false }: PeriodPageOptions,
): PeriodPage<T>[] {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`The limit must be a positive integer: ${limit}`);
  const pages: PeriodPage<T>[] = [];
  const visit = (period: Period, inside: readonly T[]) => {
    const isDay = period.length === 10;
    const groups = isDay
      ? new Map<Period, T[]>()
      : groupBy(inside, (item) => childPeriod(period, dateOf(item)));
    const listsItems = isDay || inside.length <= limit;
    const children = [...groups]
      .sort(([a], [b]) => (a < b ? 1 : -1))
      .map(([child, members]) => ({ period: child, count: members.length }));
    pages.push({
      period,
      count: inside.length,
      items: listsItems ? [...inside] : [],
      listsItems,
      children,
    });
    if (!listsItems || everyPeriod) {
      for (const { period: child } of children) visit(child, groups.get(child)!);
    }
  };
  visit("", items);
  return pages;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

/** A link in a trail of pages. */
export interface TrailLink {
  label: string;
  href: string;
}

/**
 * The breadcrumb of a period's page: the pages above it, from the top (what
 * the caller puts before the list's own page, then the list's page as
 * `rootLabel`, then the larger periods), and the page's own name.
 */
export function periodTrail(
  period: Period,
  {
    before = [],
    rootLabel,
    href,
  }: { before?: readonly TrailLink[]; rootLabel: string; href: (period: Period) => string },
): { trail: TrailLink[]; current: string } {
  if (period === "") return { trail: [...before], current: rootLabel };
  const [, ...larger] = parentPeriods(period);
  return {
    trail: [
      ...before,
      { label: rootLabel, href: href("") },
      ...larger.map((above) => ({ label: formatPeriod(above), href: href(above) })),
    ],
    current: formatPeriod(period),
  };
}

/** A period as the rest parameter of a route: `undefined` for all time, "2015/11" for November 2015. */
export function periodParam(period: Period): string | undefined {
  return period === "" ? undefined : periodPath(period).slice(0, -1);
}
