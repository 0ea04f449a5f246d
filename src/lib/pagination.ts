/** One page of a paginated list. */
export interface Page<T> {
  /** The page's number, from 1. */
  number: number;
  /** How many pages the list has. */
  total: number;
  /** The items on this page. */
  items: T[];
}

/** Splits items into pages of `size`; an empty list still makes one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`Page size must be a positive integer: ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, index) => ({
    number: index + 1,
    total,
    items: items.slice(index * size, (index + 1) * size),
  }));
}

/**
 * The page numbers a pager shows: the first, the last, and a window around the
 * current page, with `null` where numbers are left out. It stays a handful of
 * links however many pages there are, so the pager never outgrows the page budget.
 */
export function pagerNumbers(current: number, total: number, around = 2): (number | null)[] {
  const shown = new Set<number>([1, total]);
  for (let n = current - around; n <= current + around; n++) {
    if (n >= 1 && n <= total) shown.add(n);
  }
  const numbers = [...shown].sort((a, b) => a - b);
  const result: (number | null)[] = [];
  for (const [index, n] of numbers.entries()) {
    const previous = numbers[index - 1];
    // A gap of exactly one number shows that number rather than an ellipsis.
    if (previous !== undefined && n - previous === 2) result.push(previous + 1);
    else if (previous !== undefined && n - previous > 2) result.push(null);
    result.push(n);
  }
  return result;
}
