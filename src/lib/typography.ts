/** A run of text, and whether a line may break inside it. */
export interface TextRun {
  text: string;
  nowrap: boolean;
}

const hyphenatedWord = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;

/**
 * Cuts text into runs so that a short hyphenated word such as "G-20",
 * "F-35" or "COVID-19" never breaks at its hyphen ("G-" at the end of one
 * line of a headline, "20" on the next). Longer compounds may still break,
 * so a narrow screen never has to scroll sideways; the text is unchanged.
 */
export function keepShortHyphenatedWords(text: string, maxLength = 10): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(hyphenatedWord)) {
    if (match[0].length > maxLength) continue;
    if (match.index > last) runs.push({ text: text.slice(last, match.index), nowrap: false });
    runs.push({ text: match[0], nowrap: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), nowrap: false });
  return runs;
}
