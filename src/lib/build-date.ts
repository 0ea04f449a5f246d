/** A `SOURCE_DATE_EPOCH` that cannot be used; its message says why. */
export class BuildDateSettingError extends Error {
  override name = "BuildDateSettingError";
}

/**
 * The moment a build stands for: `SOURCE_DATE_EPOCH` when it is set, so that
 * the same sources built again make the same bytes
 * (https://reproducible-builds.org/specs/source-date-epoch/), else now. An
 * empty value counts as unset, as CI systems often pass one.
 */
export function buildDate(
  env: Record<string, string | undefined>,
  now: () => Date = () => new Date(),
): Date {
  const value = env["SOURCE_DATE_EPOCH"]?.trim() || undefined;
  if (value === undefined) return now();
  const problem = `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 00:00 UTC, such as 1447581600, but it is "${value}"`;
  // The specification's format is `date +%s`'s: digits only, no sign, point or unit.
  if (!/^\d+$/.test(value)) {
    throw new BuildDateSettingError(`${problem}: only the digits 0–9 may be used.`);
  }
  const date = new Date(Number(value) * 1000);
  if (Number.isNaN(date.getTime())) {
    throw new BuildDateSettingError(`${problem}: that is beyond the dates a build can use.`);
  }
  return date;
}
