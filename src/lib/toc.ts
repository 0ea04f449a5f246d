/** A heading as Astro's `render()` reports it. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** One entry of the table of contents, with the entries nested under it. */
export interface TocEntry extends Heading {
  children: TocEntry[];
}

/** Which heading levels the table of contents lists. */
export interface TocOptions {
  minDepth?: number;
  maxDepth?: number;
}

/** Turns a flat list of headings into a nested table of contents. */
export function buildTableOfContents(
  headings: readonly Heading[],
  { minDepth = 2, maxDepth = 3 }: TocOptions = {},
): TocEntry[] {
  const root: TocEntry[] = [];
  // The open entries from the shallowest to the deepest: a heading nests
  // under the nearest open entry of a lower depth.
  const open: TocEntry[] = [];

  for (const { depth, slug, text } of headings) {
    if (depth < minDepth || depth > maxDepth) continue;
    const entry: TocEntry = { depth, slug, text, children: [] };
    while (open.length > 0 && open[open.length - 1]!.depth >= depth) open.pop();
    const parent = open[open.length - 1];
    (parent ? parent.children : root).push(entry);
    open.push(entry);
  }

  return root;
}
