/**
 * Runs `task` on every item, at most `limit` at once, and resolves with the
 * results in the items' order. A pool rather than batches: a slow item holds
 * up only its own slot, not the rest of its batch. Rejects with the first
 * error; tasks already started run on.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`limit must be 1 or more: ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
