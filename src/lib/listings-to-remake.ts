import { listChain, listPartOfKey, listPeriodOfKey, SITE_KEY } from "./page-keys.ts";

/*
 * Which listings a build makes again after some articles changed: the pages
 * that show a changed article, now or before (their page keys,
 * src/lib/page-keys.ts, with the larger periods' pages of each list), and
 * the pages that follow the whole archive.
 *
 * A topic's or a person's list is split by period (src/lib/periods.ts): a
 * period with more articles than a page holds lists its smaller periods
 * instead, each on a page of its own. When a change carries a period's
 * count across that limit, the pages below it appear or go, and they hold
 * articles that did not change; so every page below such a period is made
 * again, and the carrying out removes the ones that went.
 */

/** The changes since the last build, as the listings process knows them. */
export interface ListingChanges {
  /** The articles changed or added. */
  ids: readonly string[];
  /** The page keys the changed and the deleted articles had in the last build. */
  previousKeys: readonly string[];
  /** How many articles were deleted. */
  deleted: number;
}

/**
 * The keys of the listings to make again, sorted. `keys` holds the page
 * keys of every published article now, by id (`articlePageKeys`); `limit`
 * is the most articles a list's page holds.
 */
export function listingsToRemake(
  keys: Readonly<Record<string, readonly string[]>>,
  changes: ListingChanges,
  limit: number,
): string[] {
  const made = new Set([SITE_KEY]);
  const add = (key: string) => {
    for (const shown of listChain(key)) made.add(shown);
  };
  changes.previousKeys.forEach(add);
  for (const id of changes.ids) keys[id]?.forEach(add);

  // The articles in each period of a list a change touched, counted now
  // (an article's key names its day; its larger periods hold it too).
  const counts = new Map<string, number>();
  for (const key of made) {
    const listed = listPeriodOfKey(key);
    if (listed && listed.period.length < 10) counts.set(key, 0);
  }
  // Only the lists a change touched count: a look at a key's list name
  // passes over the others' (a million keys at 100,000 articles) cheaply.
  const touched = new Set([...made].flatMap((key) => listPeriodOfKey(key)?.list ?? []));
  const eachListKey = (visit: (key: string) => void) => {
    for (const articleKeys of Object.values(keys)) {
      for (const key of articleKeys) {
        if (touched.has(listPartOfKey(key)) && listPeriodOfKey(key)) visit(key);
      }
    }
  };
  eachListKey((key) => {
    for (const period of listChain(key)) {
      const count = counts.get(period);
      if (count !== undefined) counts.set(period, count + 1);
    }
  });
  // Each changed or deleted article moves a count by at most one, so a
  // period may have been on the other side of the limit when its count is
  // that close to it.
  const moved = changes.ids.length + changes.deleted;
  const resplit = [...counts]
    .filter(([, count]) => count - moved <= limit && limit < count + moved)
    .map(([key]) => (key.includes("/") ? `${key}-` : `${key}/`));
  // Every page below such a period now: the periods its articles fall in.
  // The pages below it before were those of its articles as they were,
  // which fall in these periods or in the changed articles' old ones,
  // already made.
  if (resplit.length > 0) {
    eachListKey((key) => {
      if (resplit.some((prefix) => key.startsWith(prefix))) add(key);
    });
  }
  return [...made].sort();
}
