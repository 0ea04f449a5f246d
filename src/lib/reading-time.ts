/**
 * Adults read non-fiction silently at about 238 words a minute (Brysbaert,
 * 2019, a meta-analysis of 190 studies).
 */
export const WORDS_PER_MINUTE = 238;

/**
 * The number of words in a text. Words are found by `Intl.Segmenter`, so a
 * script written without spaces (Chinese, Japanese, Thai) counts its words
 * too, and punctuation or a dash between spaces is not a word.
 */
export function countWords(text: string, locale = "en"): number {
  if (locale === "en") {
    const words = countPlainWords(text);
    if (words !== undefined) return words;
  }
  let words = 0;
  for (const segment of wordSegmenter(locale).segment(text)) {
    if (segment.isWordLike) words += 1;
  }
  return words;
}

/** Whole minutes to read a number of words, rounded up; never less than one. */
export function readingMinutes(words: number, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.ceil(words / wordsPerMinute));
}

/** The reading time as readers see it: "4 min read". */
export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}

// One segmenter per locale: making one per text node was most of the time
// this plugin took (265 ms over 1,000 articles).
const segmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: "word" });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/*
 * Most of an English article is ASCII letters, digits, spaces and
 * punctuation, with curly quotes and dashes: for such text the word rules
 * that Intl.Segmenter follows (Unicode's UAX #29, as ICU writes them for
 * English) come down to a few, and applying them here is fifty times faster
 * than iterating the segmenter's segments, which was most of the time the
 * reading-time plugin took. tests/unit/reading-time.test.ts checks that the
 * counts are the segmenter's, on random text over these characters.
 */
const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
/** `_`: joins letters and digits on either side of it. */
const CONNECTOR = 3;
/** `:`: inside a word between two letters ("a:b"). */
const MID_LETTER = 4;
/** `.`, `'`, `‘`, `’`: inside a word between two letters or two digits. */
const MID_NUM_LETTER = 5;
/** `,`, `;`: inside a number between two digits ("1,200"). */
const MID_NUM = 6;

const asciiClasses = new Uint8Array(128);
for (let code = 0x41; code <= 0x5a; code++) asciiClasses[code] = LETTER;
for (let code = 0x61; code <= 0x7a; code++) asciiClasses[code] = LETTER;
for (let code = 0x30; code <= 0x39; code++) asciiClasses[code] = DIGIT;
asciiClasses[0x5f] = CONNECTOR;
asciiClasses[0x3a] = MID_LETTER;
asciiClasses[0x2e] = MID_NUM_LETTER;
asciiClasses[0x27] = MID_NUM_LETTER;
asciiClasses[0x2c] = MID_NUM;
asciiClasses[0x3b] = MID_NUM;

/** The few characters beyond ASCII that the fast count knows: quotes, dashes, the ellipsis, the no-break space. */
const otherClasses = new Map<number, number>([
  [0x2018, MID_NUM_LETTER],
  [0x2019, MID_NUM_LETTER],
  [0x201c, OTHER],
  [0x201d, OTHER],
  [0x2013, OTHER],
  [0x2014, OTHER],
  [0x2026, OTHER],
  [0xa0, OTHER],
]);

function classOf(code: number): number | undefined {
  return code < 128 ? asciiClasses[code] : otherClasses.get(code);
}

/** Words as Intl.Segmenter counts them in English, or undefined for text with a character the fast count does not know. */
function countPlainWords(text: string): number | undefined {
  let words = 0;
  let start = 0;
  while (start < text.length) {
    const first = classOf(text.charCodeAt(start));
    if (first === undefined) return undefined;
    if (first !== LETTER && first !== DIGIT && first !== CONNECTOR) {
      start++;
      continue;
    }
    // A word runs on through letters, digits and connectors, and through a
    // middle character with a letter on both sides (or a digit on both sides).
    let hasLetterOrDigit = first !== CONNECTOR;
    let previous = first;
    let end = start + 1;
    while (end < text.length) {
      const current = classOf(text.charCodeAt(end));
      if (current === undefined) return undefined;
      if (current === LETTER || current === DIGIT || current === CONNECTOR) {
        if (current !== CONNECTOR) hasLetterOrDigit = true;
        previous = current;
        end++;
        continue;
      }
      const next = end + 1 < text.length ? classOf(text.charCodeAt(end + 1)) : OTHER;
      const betweenLetters =
        previous === LETTER &&
        next === LETTER &&
        (current === MID_LETTER || current === MID_NUM_LETTER);
      const betweenDigits =
        previous === DIGIT && next === DIGIT && (current === MID_NUM || current === MID_NUM_LETTER);
      if (!betweenLetters && !betweenDigits) break;
      end += 2;
    }
    // A lone "_" is not a word to the segmenter; "__" is.
    if (hasLetterOrDigit || end - start >= 2) words++;
    start = end;
  }
  return words;
}
