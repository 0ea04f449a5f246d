import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { NO_CHANGES, type SiteChanges } from "../lib/site-changes.ts";
import { swapIn } from "../publishing/swap-in.ts";
import type { BuildPlace } from "./carry-out.ts";
import { commitManifest, dropStagedManifest, outputFingerprint } from "./manifest.ts";
import { writeChanges } from "./output-changes.ts";
import { linkTree } from "./output-tree.ts";

/*
 * The folders beside the output: the next site, built in `.dist-next-<id>/`
 * and swapped in whole, so a static host never gets half a site; and the
 * retired site, `.dist-retired-<id>/`, which the next build that carries the
 * output over starts from, brought up to date by the changes the last build
 * made, rather than from a new folder of hard links to every file: at
 * 10,000 articles, linking the site's 39,000 files took 2.6 s and removing
 * the old one 2.4 s, on every publish, and at 100,000 some 20 s.
 *
 * The retired site is the one a build swapped out, when it differs from the
 * new one in few files; otherwise (a first build, a full one) it is a twin
 * of the new site, made of hard links to its files before the swap, and the
 * site swapped out goes. So the linking of every file is paid once, by the
 * build that made every page, and never by a publish.
 */

/**
 * The site the last build swapped out, as its manifest keeps it: where it
 * is, what it was, and what the last build changed since.
 */
export interface RetiredSite {
  /** Its folder's name, beside the output. */
  name: string;
  /** Its fingerprint (`outputFingerprint`) when it was the output. */
  output: string;
  /** The changes from it to the output in place, as `dist-changes.txt` lists them. */
  changes: SiteChanges;
}

/** A new name beside `target`, on the same file system, so that the swap is a rename. */
function siblingName(target: string, kind: "next" | "retired"): string {
  return join(dirname(target), `${siblingPrefix(target, kind)}${randomBytes(6).toString("hex")}`);
}

function siblingPrefix(target: string, kind: "next" | "retired"): string {
  return `.${basename(target)}-${kind}-`;
}

/**
 * Makes the empty folder the new site is built in. It is made by a plain
 * mkdir, so it gets the mode the user's umask gives any folder (0755 under
 * 022), as do the folders made in it; `mkdtemp` would make it 0700, and
 * `dist/` would then be unreadable to a web server running as another user,
 * also once copied with `cp -a`.
 */
export async function makeNextDir(target: string): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  for (;;) {
    const next = siblingName(target, "next");
    try {
      await mkdir(next);
      return next;
    } catch (error) {
      // Another build's folder by that name, however unlikely: draw again.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/** A new folder name for the output once the next site replaces it. */
export function retiredPath(target: string): string {
  return siblingName(target, "retired");
}

/**
 * Takes the site `retired` describes, when it is still beside `target` as
 * it was, to build the next site in: renamed to a new next folder, which
 * `catchUp` (output-tree.ts) brings up to date. Undefined otherwise.
 */
export async function takeRetired(
  target: string,
  retired: RetiredSite | undefined,
): Promise<string | undefined> {
  if (!retired) return undefined;
  const { name, output } = retired;
  // A name read from the manifest: only ever a retired site's, beside the output.
  const retiredName = basename(name) === name && name.startsWith(siblingPrefix(target, "retired"));
  const folder = join(dirname(target), name);
  if (!retiredName || (await outputFingerprint(folder)) !== output) return undefined;
  const next = siblingName(target, "next");
  await rename(folder, next);
  return next;
}

/**
 * A retired site for `target` made of hard links to the files of `next`,
 * which is to replace it: the start of the next build when the site it
 * replaces is not worth starting from. Made once nothing more is written
 * to `next`.
 */
export async function twinOf(next: string, target: string): Promise<RetiredSite> {
  const twin = retiredPath(target);
  await mkdir(twin);
  await linkTree(next, twin);
  return { name: basename(twin), output: await outputFingerprint(next), changes: NO_CHANGES };
}

/**
 * Puts the finished `next` in place of `target`, keeping the old site beside
 * it, at `retired`, when it is the next build's start.
 */
export async function putInPlace(
  next: string,
  target: string,
  retired: string,
  keepPrevious: boolean,
): Promise<void> {
  await swapIn(next, target, retired, { keepPrevious });
}

/** Removes the sites that earlier builds swapped out of `target`. */
export async function removeRetired(target: string): Promise<void> {
  const names = await readdir(dirname(target)).catch(() => []);
  for (const name of names) {
    if (name.startsWith(siblingPrefix(target, "retired"))) {
      await rm(join(dirname(target), name), { recursive: true, force: true });
    }
  }
}

/** What a build runs in (`inNextDir`). */
export interface NextSite {
  /** The folder of the new site. */
  next: string;
  /**
   * When `next` is the site before the output in place: the changes from it
   * to the output, to bring it up to date with (`catchUp`).
   */
  since?: SiteChanges | undefined;
  /** The site in place, as the manifest will keep it once this build swaps it out; absent if there is none. */
  retired?: Omit<RetiredSite, "changes"> | undefined;
}

/** What a build in `inNextDir` made. */
export interface NextSiteMade<Report> {
  report: Report;
  /** What it changed, for `dist-changes.txt`. */
  changes: SiteChanges;
  /** Whether the next build starts from the site this one swaps out (`NextSite.retired`), rather than from a twin. */
  keepsRetired: boolean;
}

/**
 * Runs `build` in a folder beside the output, and puts
 * the folder in place of the output when it succeeds (`putInPlace`), with the
 * list of what it changed beside it (output-changes.ts). A build that
 * carries the output over starts from the last build's retired site, when
 * it is still as it was; otherwise from a new folder, and the retired sites
 * go meanwhile. Whatever happens, the new folder goes unless it is in place.
 */
export async function inNextDir<Report>(
  place: BuildPlace,
  carryOver: boolean,
  build: (site: NextSite) => Promise<NextSiteMade<Report>>,
): Promise<Report> {
  const taken = carryOver ? await takeRetired(place.target, place.retired) : undefined;
  const next = taken ?? (await makeNextDir(place.target));
  // Removing files waits on the disk, making pages on the processor: side by side.
  const sweeping = removeRetired(place.target).catch((error: unknown) => {
    console.warn(`Could not remove an earlier build's site: ${String(error)}`);
  });
  const retiredAt = retiredPath(place.target);
  const output = await outputFingerprint(place.target);
  try {
    const { report, changes, keepsRetired } = await build({
      next,
      since: taken ? place.retired?.changes : undefined,
      retired: output === "" ? undefined : { name: basename(retiredAt), output },
    });
    place.signal.throwIfAborted();
    await putInPlace(next, place.target, retiredAt, keepsRetired);
    await commitManifest(place.manifestPath);
    await writeChanges(place.target, changes);
    return report;
  } catch (error) {
    await dropStagedManifest(place.manifestPath);
    throw error;
  } finally {
    await sweeping;
    await rm(next, { recursive: true, force: true });
  }
}
