import { copyFile, link, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pageKey } from "../lib/page-keys.ts";
import { listFiles, moveFiles, moveTree } from "./output-tree.ts";

/** Astro's folder of bundled assets in the output (its `build.assets`, not set in astro.config.mjs). */
export const ASSETS_DIR = "_astro";

/**
 * The files an articles job or a shard contributes: its articles' pages and
 * cards, and the assets they use. The rest of its output (the front page
 * and the like, made from its few articles) is the site job's to make.
 */
export function isArticleFile(path: string): boolean {
  return pageKey(path).startsWith("article:") || path.startsWith(`${ASSETS_DIR}/`);
}

/**
 * Moves the site job's output and the articles jobs' pages into `next`.
 * Returns the paths of the files moved, as `listFiles` gives them.
 */
export async function joinOutputs(
  next: string,
  { site, articles }: { site?: string | undefined; articles: readonly string[] },
): Promise<string[]> {
  const moved: string[] = [];
  if (site) {
    moved.push(...(await listFiles(site)));
    await moveTree(site, next);
  }
  for (const dir of articles) {
    const files = (await listFiles(dir)).filter(isArticleFile);
    await moveFiles(dir, next, files);
    moved.push(...files);
  }
  return moved;
}

/** Puts a shard's article files into `next` as hard links (copies across file systems), leaving the shard as it was. */
export async function linkShard(shard: string, next: string): Promise<number> {
  const paths = (await listFiles(shard)).filter(isArticleFile);
  for (const path of paths) {
    await mkdir(dirname(join(next, path)), { recursive: true });
    await link(join(shard, path), join(next, path)).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === "EEXIST" && path.startsWith(`${ASSETS_DIR}/`)) return;
      if (error.code !== "EXDEV") throw error;
      await copyFile(join(shard, path), join(next, path));
    });
  }
  return paths.length;
}
