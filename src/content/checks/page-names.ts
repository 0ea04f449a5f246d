import { personPath, withBase } from "../../lib/site-urls.ts";
import { slugifyName } from "../../lib/slugs.ts";
import { editDistance } from "./did-you-mean.ts";
import type { Problem } from "./problems.ts";

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
  // A name is counted once per file and field. Looking for an earlier use in
  // the name's list made this quadratic: a topic on every article of a
  // 100,000-article archive took minutes.
  const counted = new Set<string>();
  const add = (names: Map<string, Use[]>, name: string, use: Use) => {
    const key = `${names === topics ? "t" : "p"}\0${name}\0${use.file}\0${use.field}`;
    if (counted.has(key)) return;
    counted.add(key);
    const uses = names.get(name);
    if (uses === undefined) names.set(name, [use]);
    else uses.push(use);
  };
  for (const { file, data } of entries) {
    const published = data.published ?? "";
    for (const topic of data.topics ?? []) add(topics, topic, { file, field: "topics", published });
    for (const field of ["authors", "contributors"] as const) {
      for (const name of data.byline?.[field] ?? []) add(people, name, { file, field: `byline.${field}`, published });
    }
  }

  const problems: Problem[] = [];
  const report = (
    uses: Map<string, Use[]>,
    message: (use: Use, name: string, other: string, where: string) => string,
    betterOf: (ranked: readonly string[]) => (string | undefined)[],
  ) => {
    const ranked = rank(uses);
    const better = betterOf(ranked);
    for (const [index, name] of ranked.entries()) {
      const other = better[index];
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
    similarBetterTopics,
  );
  report(
    people,
    ({ field }, name, other, where) =>
      `\`${field}\` has “${name}”, whose page would be the same as that of “${other}” in ${where} (${withBase("/", personPath(name))}): write the name the same way in both`,
    (ranked) => {
      const firstOfSlug = new Map<string, string>();
      return ranked.map((name) => {
        const slug = slugifyName(name);
        const first = firstOfSlug.get(slug);
        if (first === undefined) firstOfSlug.set(slug, name);
        return first;
      });
    },
  );
  return problems;
}

/** Names, the most used first; on a tie, the one first published first, then in alphabetical order. */
function rank(uses: Map<string, Use[]>): string[] {
  const firsts = new Map(
    [...uses].map(([name, list]) => [
      name,
      list.reduce((min, use) => (use.published < min ? use.published : min), "9999"),
    ]),
  );
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...uses.keys()].sort(
    (a, b) =>
      uses.get(b)!.length - uses.get(a)!.length ||
      order(firsts.get(a)!, firsts.get(b)!) ||
      order(a, b),
  );
}

/**
 * Whether two topics look like one: the same page address ("Syrian war",
 * "Syrian War", "G20", "G-20"), or a typo apart. Short names must match
 * exactly, or "Iran" would be taken for "Iraq"; longer ones may differ by one
 * edit ("Rusia"), long ones by two.
 */
export function similarTopics(a: string, b: string): boolean {
  return similarKeys(topicKey(a), topicKey(b));
}

/** A topic as `similarTopics` compares it: its page address without hyphens. */
function topicKey(name: string): string {
  return slugifyName(name).replaceAll("-", "");
}

function similarKeys(x: string, y: string): boolean {
  if (x === y) return true;
  const shorter = Math.min(x.length, y.length);
  const allowed = shorter <= 4 ? 0 : shorter <= 9 ? 1 : 2;
  return Math.abs(x.length - y.length) <= allowed && editDistance(x, y) <= allowed;
}

/**
 * For each topic, in rank order, the first better-ranked topic like it.
 * Each name's key is made once: an archive has thousands of topics, and
 * this compares every pair.
 */
function similarBetterTopics(ranked: readonly string[]): (string | undefined)[] {
  const keys = ranked.map(topicKey);
  return keys.map((key, index) => {
    const match = keys.slice(0, index).findIndex((other) => similarKeys(key, other));
    return match < 0 ? undefined : ranked[match];
  });
}
