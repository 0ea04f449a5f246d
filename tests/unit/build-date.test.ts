import { describe, expect, test } from "vitest";
import { BuildDateSettingError, buildDate } from "../../src/lib/build-date";

describe("buildDate", () => {
  test("is SOURCE_DATE_EPOCH's moment when it is set", () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: "1447581600" }).toISOString()).toBe(
      "2015-11-15T10:00:00.000Z",
    );
    expect(buildDate({ SOURCE_DATE_EPOCH: "0" }).toISOString()).toBe("1970-01-01T00:00:00.000Z");
  });

  test("is now when SOURCE_DATE_EPOCH is unset or empty, as CI systems pass it", () => {
    const now = new Date("2024-05-06T07:08:09Z");
    expect(buildDate({}, () => now)).toBe(now);
    expect(buildDate({ SOURCE_DATE_EPOCH: "" }, () => now)).toBe(now);
    expect(buildDate({ SOURCE_DATE_EPOCH: " " }, () => now)).toBe(now);
  });

  test.each([
    ["1447581600.5", "only the digits"],
    ["-1", "only the digits"],
    ["+1447581600", "only the digits"],
    ["1e9", "only the digits"],
    ["2015-11-15", "only the digits"],
    ["1447581600000000000", "beyond the dates a build can use"],
  ])("rejects %s, naming the variable and saying why (%s)", (value, reason) => {
    const read = () => buildDate({ SOURCE_DATE_EPOCH: value });
    expect(read).toThrow(BuildDateSettingError);
    expect(read).toThrow(reason);
    expect(read).toThrow(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970`);
    expect(read).toThrow(`"${value}"`);
  });
});
