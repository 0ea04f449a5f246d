import * as pagefind from "pagefind";

/**
 * How many word locations Pagefind puts in one index chunk before it starts
 * the next (its default is 20,000). A search downloads every chunk that
 * holds one of its words, so a rare word's chunk should not also carry the
 * locations of the common words beside it in the alphabet: at 5,000, the
 * benchmark's "ceasefire" chunk shrank from 26 KB to 2 KB gzip at 1,000
 * articles (from 85 to 3 KB at 10,000), for 1 KB more of chunk list in the
 * metadata. A word with more locations than this keeps a chunk of its own.
 * Pagefind reads it from its environment only (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE,
 * since 1.5); should a release drop it, chunks merely grow back.
 */
export const SEARCH_INDEX_CHUNK_LOCATIONS = 5000;

/**
 * Runs `work` with Pagefind's service, which it starts on the first
 * `createIndex`, and stops the service after. The service reads the chunk
 * size from the environment it inherits; this process's own is put back as
 * soon as the service has started.
 */
export async function withPagefind(work: () => Promise<void>): Promise<void> {
  const chunkSizeVariable = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE";
  const chunkSizeBefore = process.env[chunkSizeVariable];
  process.env[chunkSizeVariable] = String(SEARCH_INDEX_CHUNK_LOCATIONS);
  try {
    // Started here, so that the variable is read now rather than by the first year's index.
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    await index.deleteIndex();
  } catch (error) {
    await pagefind.close();
    throw error;
  } finally {
    if (chunkSizeBefore === undefined) delete process.env[chunkSizeVariable];
    else process.env[chunkSizeVariable] = chunkSizeBefore;
  }
  try {
    await work();
  } finally {
    await pagefind.close();
  }
}
