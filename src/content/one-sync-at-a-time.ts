import { readFileSync, unlinkSync } from "node:fs";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { jobScopeWhenWritten } from "./current-job.ts";

/** How often a build waiting for the lock looks again. */
const POLL_MS = 50;

/**
 * Lets one `astro build` of the project at a time sync its content.
 *
 * Astro writes its content layer's modules into the project's `.astro/`,
 * the one folder it has for them whatever the build's cache folder, each
 * through one temporary name: two builds of the project syncing at once (the
 * publisher's processes side by side, the test suite's builds) fail on
 * renaming it (UnknownFilesystemError, ENOENT). What a build reads of those
 * modules is its own (`pictureImportsPerBuild`), so the lock is held from
 * the build's set-up to its start, which Astro begins once the sync is done.
 */
export default function oneSyncAtATime(): AstroIntegration {
  let release = () => {};
  return {
    name: "broadsheet:one-sync-at-a-time",
    hooks: {
      "astro:config:setup": async ({ command, config }) => {
        if (command !== "build") return;
        // A process started ahead of its scope waits for it before it takes
        // the lock: held while the publisher plans, the lock would keep every
        // other build of the project waiting.
        await jobScopeWhenWritten();
        release = await lock(fileURLToPath(new URL(".astro/sync.lock", config.root)));
      },
      "astro:build:start": () => release(),
    },
  };
}

/**
 * Takes the lock file at `path`, waiting while a live process holds it, and
 * resolves with its release, which the process's exit also calls. The file
 * holds its process's id, written before the file takes its name (a link),
 * so that a process that died holding it is seen to be gone.
 */
export async function lock(path: string): Promise<() => void> {
  const mine = String(process.pid);
  const draft = `${path}.${mine}`;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(draft, mine);
  try {
    for (;;) {
      try {
        await link(draft, path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const holder = await readFile(path, "utf8").catch(() => undefined);
      if (holder !== undefined && !isRunning(Number(holder))) {
        // Looked at again just before: another may have taken it over meanwhile.
        if ((await readFile(path, "utf8").catch(() => undefined)) === holder) {
          await rm(path, { force: true });
        }
      } else if (holder !== undefined) {
        await sleep(POLL_MS);
      }
    }
  } finally {
    await rm(draft, { force: true });
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off("exit", release);
    try {
      if (readFileSync(path, "utf8") === mine) unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
  process.on("exit", release);
  return release;
}

/** Whether a process of this id runs. */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
