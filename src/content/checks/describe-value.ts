/** What a YAML value is, in words: "the text “yes”", "a list", "empty". */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (typeof value === "string") return `the text “${shorten(value)}”`;
  if (typeof value === "number" || typeof value === "bigint") return `the number ${value}`;
  if (typeof value === "boolean") return `\`${value}\``;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? "an invalid date" : `the date ${value.toISOString()}`;
  }
  if (Array.isArray(value)) return "a list";
  return "a group of `field: value` lines";
}

/** What the editor wrote, when it is a single value worth quoting back. */
export function quote(value: unknown): string {
  if (typeof value === "string") return ` (it says “${shorten(value)}”)`;
  if (typeof value === "number") return ` (it says ${value})`;
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return ` (it says ${value.toISOString()})`;
  }
  return "";
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine;
}
