/**
 * The JSON text of `value`, as `JSON.stringify(value)` writes it, in
 * pieces: the objects and arrays of its first `depth` levels are taken
 * apart, and what lies below them is stringified whole. A manifest of
 * 100,000 articles is some 121 MB of JSON; written from one string, it
 * takes that string and a buffer of its bytes at once, at the end of a
 * build, when the build holds the most besides.
 */
export function* jsonPieces(value: unknown, depth: number): Generator<string> {
  if (depth <= 0 || typeof value !== "object" || value === null || hasToJson(value)) {
    // As JSON.stringify writes a value without a JSON text (undefined, a function) at the top.
    yield JSON.stringify(value) ?? "";
    return;
  }
  if (Array.isArray(value)) {
    yield "[";
    for (const [place, item] of value.entries()) {
      if (place > 0) yield ",";
      // In an array, a value without a JSON text is written as null.
      if (hasJsonText(item)) yield* jsonPieces(item, depth - 1);
      else yield "null";
    }
    yield "]";
    return;
  }
  yield "{";
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    // In an object, a property without a JSON text is left out.
    if (!hasJsonText(item)) continue;
    yield `${first ? "" : ","}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonPieces(item, depth - 1);
  }
  yield "}";
}

function hasJsonText(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

/** Whether JSON.stringify writes `value` as its `toJSON()` says (a Date), not as its properties. */
function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === "function";
}
