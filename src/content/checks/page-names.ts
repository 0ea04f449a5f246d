import { slugifyName } from "../../lib/slugs";
import { editDistance } from "./did-you-mean";
import type { Problem } from "./problems";

/** An article's file and the names in it that get pages: its topics and its byline's people. */
export interface NamesEntry {
  file: string;
  data: {
    /** `YYYY-MM-DD`: on a tie, the spelling of the earlier article is taken as the right one. */
    published?: string | undefined;
    topics?: readonly string[] | undefined;
    byline?: { authors?: readonly string[]; contributors?: readonly string[] } | undefined;
  };
}

/** Where a name is written: the file and the field. */
interface Use {
  file: string;
  field: string;
  published: string;
}

/**
 * Names across the archive that would split or merge pages by mistake:
 *
 * - a topic written like another topic ("Syrian war" where others write
 *   "Syrian War", "Rusia" where others write "Russia"), which would make a
 *   second page for one topic: "did you mean …?";
 * - two spellings of a person's name that make the same page address
 *   ("Jose Garcia", "José García"), which would merge two bylines' pages.
 *
 * The less used spelling is the one reported (on a tie, the one that came
 * later: the existing name is the right one), naming a file that has the
 * other. `involving` keeps only the problems of one file.
 */
export function findPageNameClashes(
  entries: readonly NamesEntry[],
  { involving }: { involving?: string } = {},
): Problem[] {
  const topics = new Map<string, Use[]>();
  const people = new Map<string, Use[]>();
  const add = (names: Map<string, Use[]>, name: string, use: Use) => {
    const uses = names.get(name);
    if (uses === undefined) names.set(name, [use]);
    else if (!uses.some(({ file, field }) => file === use.file && field === use.field)) uses.push(use);
  };
  for (const { file, data } of entries) {
    const published = data.published ?? "";
    for (const topic of data.topics ?? []) add(topics, topic, { file, field: "topics", published });
    for (const field of ["authors", "contributors"] as const) {
      for (const name of data.byline?.[field] ?? []) add(people, name, { file, field: `byline.${field}`, published });
    }
  }

  const problems: Problem[] = [];
  const report = (uses: Map<string, Use[]>, message: (use: Use, name: string, other: string, where: string) => string, same: (a: string, b: string) => boolean) => {
    const ranked = rank(uses);
    for (const [index, name] of ranked.entries()) {
      const other = ranked.slice(0, index).find((better) => same(name, better));
      if (other === undefined) continue;
      const where = [...uses.get(other)!].map((use) => use.file).sort()[0]!;
      for (const use of uses.get(name)!) {
        if (involving !== undefined && use.file !== involving) continue;
        problems.push({ file: use.file, message: message(use, name, other, where) });
      }
    }
  };
  report(
    topics,
    ({ field }, name, other, where) => `\`${field}\` has “${name}” — did you mean “${other}”, as ${where} has it?`,
    similarTopics,
  );
  report(
    people,
    ({ field }, name, other, where) =>
      `\`${field}\` has “${name}”, whose page would be the same as that of “${other}” in ${where} (/people/${slugifyName(name)}/): write the name the same way in both`,
    (a, b) => slugifyName(a) === slugifyName(b),
  );
  return problems;
}

/** Names, the most used first; on a tie, the one first published first, then in alphabetical order. */
function rank(uses: Map<string, Use[]>): string[] {
  const first = (name: string) => uses.get(name)!.reduce((min, use) => (use.published < min ? use.published : min), "9999");
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...uses.keys()].sort(
    (a, b) => uses.get(b)!.length - uses.get(a)!.length || order(first(a), first(b)) || order(a, b),
  );
}

/**
 * Whether two topics look like one: the same page address ("Syrian war",
 * "Syrian War", "G20", "G-20"), or a typo apart. Short names must match
 * exactly, or "Iran" would be taken for "Iraq"; longer ones may differ by one
 * edit ("Rusia"), long ones by two.
 */
export function similarTopics(a: string, b: string): boolean {
  const [x, y] = [a, b].map((name) => slugifyName(name).replaceAll("-", "")) as [string, string];
  if (x === y) return true;
  const shorter = Math.min(x.length, y.length);
  const allowed = shorter <= 4 ? 0 : shorter <= 9 ? 1 : 2;
  return Math.abs(x.length - y.length) <= allowed && editDistance(x, y) <= allowed;
}
