import { compareNewestFirst, type OrderFields } from "./order.ts";
import { correctionId, paragraphId } from "./page-ids.ts";
import { ordinalNames } from "./update-note.ts";

/** A correction as the frontmatter gives it. */
export interface Correction {
  /** The day the article was corrected, `YYYY-MM-DD` in its time zone. */
  date: string;
  /** What was wrong and what is right. */
  text: string;
  /** The body paragraph it concerns, counted from 1. */
  paragraph?: number | undefined;
}

/** A correction as the record shows it. */
export interface CorrectionEntry extends Correction {
  /** Its anchor on the article's page: `correction-2016-03-02`, a day's second `…-2`. */
  id: string;
  /** The paragraph it concerns: the link to it and its name, "third paragraph". */
  concerns?: { href: string; name: string } | undefined;
}

/**
 * The entries of an article's corrections record, in its order (oldest
 * first), each with its anchor. The anchor is made from the correction's
 * date, not its place in the list: a correction added later is dated later
 * (or is the same day's next, `-2`), so it never takes an anchor that a
 * shared link or the corrections page already points at; and taking a
 * correction out, or fixing another's date, moves no other anchor either.
 */
export function correctionEntries(corrections: readonly Correction[]): CorrectionEntry[] {
  const perDay = new Map<string, number>();
  return corrections.map((correction) => {
    const nthOfDay = (perDay.get(correction.date) ?? 0) + 1;
    perDay.set(correction.date, nthOfDay);
    const { paragraph } = correction;
    const concerns = paragraph === undefined ? undefined : paragraphLink(paragraph);
    return {
      ...correction,
      id: correctionId(correction.date, nthOfDay),
      ...(concerns && { concerns }),
    };
  });
}

function paragraphLink(position: number): { href: string; name: string } {
  const [name = String(position)] = ordinalNames(position);
  return { href: `#${paragraphId(position)}`, name: `${name} paragraph` };
}

/** The day of an article's latest correction; undefined when it has none. */
export function lastCorrected(corrections: readonly Correction[]): string | undefined {
  return latest(corrections.map(({ date }) => date));
}

/** The fields that say when an article last changed. */
export interface ModifiedFields {
  published: string;
  updated?: string | undefined;
  corrections?: readonly Correction[] | undefined;
}

/** The day an article last changed: the latest of its publication, its update and its corrections. */
export function lastModified({ published, updated, corrections = [] }: ModifiedFields): string {
  return latest([published, updated ?? published, ...corrections.map(({ date }) => date)])!;
}

/** The latest of calendar dates (`YYYY-MM-DD` compares as text). */
function latest(dates: readonly string[]): string | undefined {
  return dates.reduce<string | undefined>(
    (last, date) => (last === undefined || date > last ? date : last),
    undefined,
  );
}

/** The fields of an article that the corrections page shows and orders it by. */
export interface CorrectedArticle extends OrderFields {
  corrections: readonly Correction[];
}

/** One correction of the archive, with the article it corrects. */
export interface ArchiveCorrection<T> {
  article: T;
  entry: CorrectionEntry;
}

/**
 * Every correction in the archive, newest first: by date; on one day, the
 * articles in the archive's order, and an article's later correction first.
 */
export function correctionsNewestFirst<T extends { data: CorrectedArticle }>(
  articles: readonly T[],
): ArchiveCorrection<T>[] {
  const all = [...articles]
    .sort((a, b) => compareNewestFirst(a.data, b.data))
    .flatMap((article) =>
      correctionEntries(article.data.corrections)
        .reverse()
        .map((entry) => ({ article, entry })),
    );
  // Stable: a day's corrections keep the order above.
  return all.sort((a, b) =>
    a.entry.date === b.entry.date ? 0 : a.entry.date < b.entry.date ? 1 : -1,
  );
}
