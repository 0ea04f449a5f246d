import { TZDate } from "@date-fns/tz";
// The subpath, not the package's index: the index loads every one of
// date-fns's functions, 4 to 6 s in a fresh Node on a loaded 2-core machine
// (every unit test file that touches a date paid it), where `format` alone
// loads in 0.3 s.
import { format } from "date-fns/format";

/*
 * Article dates are calendar dates (`YYYY-MM-DD`) paired with the IANA zone
 * they were written in. Every formatter builds the date inside that zone, so
 * the machine's own TZ never shifts a day (the bug of formatting a UTC-midnight
 * Date with toLocaleDateString on a machine west of UTC).
 */

/** The start of a calendar day in the given IANA time zone. */
export function startOfCalendarDay(isoDate: string, timeZone: string): TZDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${isoDate}`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return new TZDate(year, month - 1, day, timeZone);
}

/** The calendar day, `YYYY-MM-DD`, that a moment falls on in the given IANA time zone. */
export function calendarDateAt(moment: Date, timeZone: string): string {
  return format(new TZDate(moment.getTime(), timeZone), "yyyy-MM-dd");
}

/*
 * Each formatted date is kept: a build formats the same few thousand dates
 * over and over (every list row, every article page), and building a
 * TZDate asks Intl for the zone's offset, which was 2 s of a 1,000-article
 * build's profile. The text depends only on the arguments; the machine's
 * zone is part of the key all the same, so that a test changing TZ still
 * sees each zone's own result.
 */
const formatted = new Map<string, string>();

function remembered(what: string, make: () => string): string {
  const key = `${what} ${process.env["TZ"] ?? ""}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = make();
    formatted.set(key, text);
  }
  return text;
}

/** A date for readers: "November 15, 2015". */
export function formatReaderDate(isoDate: string, timeZone: string): string {
  return remembered(`reader ${isoDate} ${timeZone}`, () =>
    format(startOfCalendarDay(isoDate, timeZone), "MMMM d, yyyy"),
  );
}

/** A date for machines, as `<time datetime>` takes it: "2015-11-15". */
export function formatMachineDate(isoDate: string, timeZone: string): string {
  return remembered(`machine ${isoDate} ${timeZone}`, () =>
    format(startOfCalendarDay(isoDate, timeZone), "yyyy-MM-dd"),
  );
}

/** The start of the day as ISO 8601 with the zone's offset: "2015-11-15T00:00:00+02:00". */
export function formatIsoWithOffset(isoDate: string, timeZone: string): string {
  return remembered(`iso ${isoDate} ${timeZone}`, () =>
    format(startOfCalendarDay(isoDate, timeZone), "yyyy-MM-dd'T'HH:mm:ssXXX"),
  );
}

const periodFormats = { year: "yyyy", month: "MMMM yyyy", day: "MMMM d, yyyy" } as const;

/** A year, month or day of the archive for readers: "2015", "November 2015", "November 15, 2015". */
export function formatPeriod(period: string): string {
  return remembered(`period ${period}`, () => periodText(period));
}

function periodText(period: string): string {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(period);
  if (!match)
    throw new RangeError(`Not a year, month or day (YYYY, YYYY-MM, YYYY-MM-DD): ${period}`);
  const [, year, month, day] = match;
  const kind = day ? "day" : month ? "month" : "year";
  // A calendar date has no zone; UTC only pins one, so no machine shifts it.
  const date = new TZDate(Number(year), Number(month ?? 1) - 1, Number(day ?? 1), "UTC");
  return format(date, periodFormats[kind]);
}
