import { Worker } from "node:worker_threads";

/*
 * Threads that write search bundles side by side, each with a Pagefind
 * service of its own (search-bundle-worker.ts): Pagefind's service parses
 * one page at a time, so one of them kept the search index of a large
 * archive on one core.
 */

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

/** A page for the search index: its file, and its path in the site, which its results link to. */
export interface SearchPage {
  file: string;
  /** With forward slashes, relative to the site's root: "articles/2015-11-15/…/index.html". */
  path: string;
}

/** A bundle for a thread to write: `pages`, in their order, into `outputPath`. */
export interface BundleRequest {
  pages: readonly SearchPage[];
  outputPath: string;
}

/** What the thread answers: the pages indexed, or why it failed. */
export type BundleReply = { pages: number } | { error: string };

/** Writes one bundle at a time, on a thread of its own; returns the pages indexed. */
export type BundleWriter = (request: BundleRequest) => Promise<number>;

/**
 * The thread's file, beside this one. Modules that astro.config.mjs loads
 * are not bundled, so this is the source's URL there too.
 */
const WORKER_URL = new URL("./search-bundle-worker.ts", import.meta.url);

/** Runs `work` with `count` bundle writers, each a thread with its service, and stops them after. */
export async function withBundleWriters<T>(
  count: number,
  work: (writers: readonly BundleWriter[]) => Promise<T>,
): Promise<T> {
  const workers = Array.from(
    { length: count },
    () =>
      new Worker(WORKER_URL, {
        env: {
          ...process.env,
          PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(SEARCH_INDEX_CHUNK_LOCATIONS),
        },
      }),
  );
  const exited = workers.map(
    (worker) => new Promise<void>((resolve) => worker.once("exit", () => resolve())),
  );
  try {
    return await work(workers.map(writerOn));
  } finally {
    for (const worker of workers) worker.postMessage("close");
    await Promise.all(exited);
  }
}

/** A writer that sends each request to `worker` and waits for its answer. */
function writerOn(worker: Worker): BundleWriter {
  return (request) =>
    new Promise<number>((resolve, reject) => {
      const done = () => {
        worker.off("message", answered);
        worker.off("error", reject);
        worker.off("exit", stopped);
      };
      const answered = (reply: BundleReply) => {
        done();
        if ("error" in reply) reject(new Error(reply.error));
        else resolve(reply.pages);
      };
      const stopped = (code: number) => {
        done();
        reject(new Error(`The search index's thread stopped (exit code ${code})`));
      };
      worker.once("message", answered);
      worker.once("error", reject);
      worker.once("exit", stopped);
      worker.postMessage(request);
    });
}
