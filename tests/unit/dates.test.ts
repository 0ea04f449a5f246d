import { afterEach, describe, expect, test } from "vitest";
import {
  calendarDateAt,
  formatIsoWithOffset,
  formatMachineDate,
  formatPeriod,
  formatReaderDate,
  startOfCalendarDay,
} from "../../src/lib/dates";

const originalTz = process.env.TZ;
afterEach(() => {
  // The unit tier runs its files in shared processes; an unset TZ must stay
  // unset, not become the string "undefined".
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe("dates", () => {
  test.each([
    "America/Los_Angeles",
    "UTC",
    "Asia/Tokyo",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
  ])("prints the same day whatever the machine's zone (TZ=%s)", (machineZone) => {
    process.env.TZ = machineZone;
    expect(formatReaderDate("2015-11-15", "Europe/Istanbul")).toBe("November 15, 2015");
    expect(formatMachineDate("2015-11-15", "Europe/Istanbul")).toBe("2015-11-15");
    expect(formatIsoWithOffset("2015-11-15", "Europe/Istanbul")).toBe("2015-11-15T00:00:00+02:00");
  });

  test("gives the offset the article's zone had on that day, summer time included", () => {
    expect(formatIsoWithOffset("2015-11-15", "America/New_York")).toBe("2015-11-15T00:00:00-05:00");
    expect(formatIsoWithOffset("2015-07-01", "America/New_York")).toBe("2015-07-01T00:00:00-04:00");
    expect(formatIsoWithOffset("2015-11-15", "UTC")).toBe("2015-11-15T00:00:00Z");
  });

  test("starts the day at midnight in the article's zone", () => {
    expect(startOfCalendarDay("2015-11-15", "Asia/Tokyo").toISOString()).toBe(
      "2015-11-15T00:00:00.000+09:00",
    );
  });

  test("rejects a value that is not a calendar date", () => {
    expect(() => formatReaderDate("15/11/2015", "UTC")).toThrow(/Not a calendar date/);
  });
});

describe("formatPeriod", () => {
  test("names a year, a month and a day of the archive", () => {
    expect(formatPeriod("2015")).toBe("2015");
    expect(formatPeriod("2015-11")).toBe("November 2015");
    expect(formatPeriod("2015-11-15")).toBe("November 15, 2015");
    expect(formatPeriod("2016-01-01")).toBe("January 1, 2016");
    expect(() => formatPeriod("")).toThrow(RangeError);
  });
});

describe("calendarDateAt", () => {
  test.each(["America/Los_Angeles", "UTC", "Asia/Tokyo"])(
    "gives the day in the zone asked for, whatever the machine's zone (TZ=%s)",
    (machineZone) => {
      process.env.TZ = machineZone;
      // 22:30 UTC on December 8 is already December 9 in Istanbul, still December 8 in New York.
      const moment = new Date("2026-12-08T22:30:00Z");
      expect(calendarDateAt(moment, "Europe/Istanbul")).toBe("2026-12-09");
      expect(calendarDateAt(moment, "America/New_York")).toBe("2026-12-08");
      expect(calendarDateAt(moment, "UTC")).toBe("2026-12-08");
    },
  );
});
