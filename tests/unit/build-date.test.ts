import { describe, expect, test } from "vitest";
import { buildDate, BuildDateError } from "../../src/lib/build-date";

describe("buildDate", () => {
  test("reads SOURCE_DATE_EPOCH as whole seconds since 1970", () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: "1765152000" }).toISOString()).toBe(
      "2025-12-08T00:00:00.000Z",
    );
    expect(buildDate({ SOURCE_DATE_EPOCH: "0" }).toISOString()).toBe("1970-01-01T00:00:00.000Z");
  });

  test("is now when SOURCE_DATE_EPOCH is unset or empty, as CI systems pass it", () => {
    const now = new Date("2026-12-06T05:00:00Z");
    expect(buildDate({}, () => now)).toBe(now);
    expect(buildDate({ SOURCE_DATE_EPOCH: " " }, () => now)).toBe(now);
  });

  test.each(["yesterday", "1765152000.5", "-1", "2025-12-08", "9".repeat(20)])(
    "stops with a message naming the variable for %s",
    (value) => {
      expect(() => buildDate({ SOURCE_DATE_EPOCH: value })).toThrow(BuildDateError);
      expect(() => buildDate({ SOURCE_DATE_EPOCH: value })).toThrow(
        /^SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC/,
      );
    },
  );
});
