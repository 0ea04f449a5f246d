/** A `SOURCE_DATE_EPOCH` that is not a time; its message names the variable. */
export class BuildDateError extends Error {
  override name = "BuildDateError";
}

/**
 * The moment a build stands for: `SOURCE_DATE_EPOCH` (whole seconds since
 * 1970, the reproducible-builds convention) when it is set, so that two
 * builds of the same sources make the same pages whatever the clock says;
 * otherwise now. What depends on "today" (which article leads the front
 * page, which articles a news sitemap lists) asks this, not the clock.
 */
export function buildDate(
  env: Readonly<Record<string, string | undefined>>,
  now: () => Date = () => new Date(),
): Date {
  const value = env["SOURCE_DATE_EPOCH"]?.trim();
  if (value === undefined || value === "") return now();
  const date = /^\d+$/.test(value) ? new Date(Number(value) * 1000) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) {
    throw new BuildDateError(
      `SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, such as 1765152000, but it is "${value}".`,
    );
  }
  return date;
}
