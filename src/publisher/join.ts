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

/** A job's output to join: its folder, and whether all of it goes in (the site job's) or its article files alone. */
export interface JobOutput {
  dir: string;
  whole: boolean;
}

/** Moves one job's output into `next`. Returns the paths of the files moved, as `listFiles` gives them. */
async function joinOutput(next: string, { dir, whole }: JobOutput): Promise<string[]> {
  if (whole) {
    const files = await listFiles(dir);
    await moveTree(dir, next);
    return files;
  }
  const files = (await listFiles(dir)).filter(isArticleFile);
  await moveFiles(dir, next, files);
  return files;
}

/**
 * Moves the site job's output and the articles jobs' pages into `next`.
 * Returns the paths of the files moved, as `listFiles` gives them.
 */
export async function joinOutputs(next: string, outputs: readonly JobOutput[]): Promise<string[]> {
  const moved: string[] = [];
  for (const output of outputs) moved.push(...(await joinOutput(next, output)));
  return moved;
}

/** Jobs' outputs joined as their jobs end (`joinAsTheyEnd`). */
export interface JoiningAsTheyEnd {
  /** Joins output `index` once the outputs whose jobs ended before are in; resolves with the paths moved. */
  ended(index: number): Promise<string[]>;
  /** The paths moved, of every output, in their order; once every job has ended. */
  all(): Promise<string[]>;
  /** Waits for the joining under way, whatever its end: before a failed build's folder goes. */
  settled(): Promise<void>;
}

/**
 * Joins `outputs` into `next` one at a time, each as soon as its job
 * ends: a first build in parts moves a part's files (at 100,000 articles,
 * some 300,000 renames) while the later parts run, not after the last.
 * The site job's output may come before or after the parts': files that
 * two outputs hold are Astro's assets, named by their bytes.
 */
export function joinAsTheyEnd(next: string, outputs: readonly JobOutput[]): JoiningAsTheyEnd {
  let queue = Promise.resolve();
  const moved = new Map<number, Promise<string[]>>();
  return {
    ended(index) {
      const joined = queue.then(() => joinOutput(next, outputs[index]!));
      queue = joined.then(
        () => {},
        () => {},
      );
      moved.set(index, joined);
      return joined;
    },
    async all() {
      const lists = outputs.map((_, index) => {
        const joined = moved.get(index);
        if (!joined) throw new Error(`output ${index + 1} was never joined: its job did not end`);
        return joined;
      });
      return (await Promise.all(lists)).flat();
    },
    settled: () => queue,
  };
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
