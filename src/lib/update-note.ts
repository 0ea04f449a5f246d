const ordinalWords = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
  "twentieth",
];

/** A position as an ordinal in figures: "3rd", "11th", "22nd". */
export function ordinalFigures(position: number): string {
  const lastTwo = position % 100;
  const suffix =
    lastTwo >= 11 && lastTwo <= 13 ? "th" : (["th", "st", "nd", "rd"][position % 10] ?? "th");
  return `${position}${suffix}`;
}

/** The ways a note may name the paragraph at a position: "third", "3rd". */
export function ordinalNames(position: number): string[] {
  const word = ordinalWords[position - 1];
  return word ? [word, ordinalFigures(position)] : [ordinalFigures(position)];
}

/** An update note cut around the words that name its paragraph. */
export interface UpdateNoteParts {
  /** The text before the paragraph's name: "(Updates with Putin comment in ". */
  before: string;
  /** The paragraph's name as the note writes it: "third paragraph". */
  phrase: string;
  /** The text after it: ".)". */
  after: string;
}

/**
 * Finds where an update note names the paragraph at `position` ("third
 * paragraph", "3rd paragraph", any case), so the page can link those words;
 * undefined when the note does not name it.
 */
export function splitUpdateNote(text: string, position: number): UpdateNoteParts | undefined {
  const names = ordinalNames(position).join("|");
  const match = new RegExp(`\\b(?:${names})\\s+paragraph\\b`, "iu").exec(text);
  if (!match) return undefined;
  return {
    before: text.slice(0, match.index),
    phrase: match[0],
    after: text.slice(match.index + match[0].length),
  };
}
