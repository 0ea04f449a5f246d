import { slugifyName } from "./slugs.ts";

/** The items that carry one name (a topic, a person), under the slug of its page. */
export interface NamedGroup<T> {
  name: string;
  slug: string;
  items: T[];
}

/**
 * Groups items by the names each carries (its topics, its byline's people),
 * keeping the items' order; the groups come sorted by name. Two spellings
 * that would share a page are an error here: the article checks report them
 * to the editor first (src/content/checks/page-names.ts), so this is a guard.
 */
export function groupByName<T>(
  items: readonly T[],
  namesOf: (item: T) => readonly string[],
): NamedGroup<T>[] {
  const groups = new Map<string, NamedGroup<T>>();
  for (const item of items) {
    // A person who both wrote and helped with an article is listed once.
    for (const name of new Set(namesOf(item))) {
      const slug = slugifyName(name);
      if (slug === "")
        throw new RangeError(`“${name}” has no letters or digits to make a page address from`);
      const group = groups.get(slug);
      if (group === undefined) groups.set(slug, { name, slug, items: [item] });
      else if (group.name !== name)
        throw new RangeError(`“${name}” and “${group.name}” would share the page of ${slug}`);
      else group.items.push(item);
    }
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, "en"));
}
