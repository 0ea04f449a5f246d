/**
 * The name a mistyped one most likely meant: one that differs only in case,
 * hyphens or underscores (`Update_Note` → `updateNote`), else the closest by
 * edit distance (`hedline` → `headline`), if close enough to be a typo.
 */
export function closestName(typed: string, names: readonly string[]): string | undefined {
  const wanted = normalise(typed);
  const same = names.find((name) => normalise(name) === wanted);
  if (same !== undefined) return same;

  // Short names need a near-exact match, or `tags` would suggest `slug`.
  const allowed = wanted.length <= 4 ? 1 : wanted.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const name of names) {
    const distance = editDistance(wanted, normalise(name));
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, "");
}

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  // Rows of the optimal-string-alignment table: two back, one back, current.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current.push(value);
    }
    [before, previous] = [previous, current];
  }
  return previous[b.length]!;
}
