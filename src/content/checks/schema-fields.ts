import type { z } from "astro/zod";

type Schema = z.core.$ZodType;
type Path = readonly PropertyKey[];

/** The field names of the object schema found at `path`, through optionals, defaults and lists. */
export function fieldNamesAt(schema: Schema, path: Path): string[] {
  let current: Schema | undefined = unwrap(schema);
  for (const key of path) {
    if (!current) return [];
    const def = current._zod.def as {
      type: string;
      shape?: Record<string, Schema>;
      element?: Schema;
    };
    if (
      def.type === "object" &&
      typeof key === "string" &&
      def.shape &&
      Object.hasOwn(def.shape, key)
    ) {
      current = def.shape[key];
    } else if (def.type === "array") current = def.element;
    else return [];
    current = current && unwrap(current);
  }
  const def = current?._zod.def as { type: string; shape?: Record<string, Schema> } | undefined;
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

/** The schema under optional, default, pipe and similar wrappers. */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { innerType?: Schema; in?: Schema; out?: Schema };
    // A preprocess is a pipe from a transform: the shape is in what it pipes to.
    const piped = def.in?._zod.def.type === "transform" ? def.out : def.in;
    const inner = def.innerType ?? piped;
    if (!inner) return current;
    current = inner;
  }
}

/**
 * A field's name as an editor finds it in the file: "`byline.authors`",
 * "`bullets` item 2", "`url` of `related` item 1".
 */
export function fieldLabel(path: Path): string {
  let index = -1;
  path.forEach((key, i) => {
    if (typeof key === "number") index = i;
  });
  if (index < 0) return `\`${path.map(String).join(".")}\``;
  const item = `${fieldLabel(path.slice(0, index))} item ${Number(path[index]) + 1}`;
  const rest = path.slice(index + 1);
  return rest.length === 0 ? item : `${fieldLabel(rest)} of ${item}`;
}
