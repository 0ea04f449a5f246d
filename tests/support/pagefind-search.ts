import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/*
 * Searching a built Pagefind bundle in Node, with the bundle's own
 * pagefind.js and WebAssembly, as a browser would: for tests that compare
 * what several bundles find with what one finds.
 */

/** The part of pagefind.js these tests use. */
interface PagefindModule {
  options(options: { baseUrl: string; noWorker: boolean }): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
}

/** pagefind.js fetches its files from beside itself: here, from disk. */
function fetchingFiles(): void {
  const marked = globalThis as { broadsheetFileFetch?: true };
  if (marked.broadsheetFileFetch) return;
  marked.broadsheetFileFetch = true;
  const networkFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== "file:") return networkFetch(input, init);
    try {
      return new Response(await readFile(fileURLToPath(url)));
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}

const loaded = new Map<string, Promise<PagefindModule>>();

/** The URLs (below the site's base, "/articles/…/") of every result of `query` in the bundle at `bundleDir`. */
export async function searchBundle(bundleDir: string, query: string): Promise<string[]> {
  fetchingFiles();
  let pagefind = loaded.get(bundleDir);
  if (!pagefind) {
    // Each bundle's own pagefind.js: a module of its own, with its own index.
    pagefind = (
      import(pathToFileURL(join(bundleDir, "pagefind.js")).href) as Promise<PagefindModule>
    ).then(async (module) => {
      await module.options({ baseUrl: "/", noWorker: true });
      return module;
    });
    loaded.set(bundleDir, pagefind);
  }
  const { results } = await (await pagefind).search(query);
  const data = await Promise.all(results.map((result) => result.data()));
  return data.map(({ url }) => url).sort();
}
