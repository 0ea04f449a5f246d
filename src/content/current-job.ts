import { existsSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { BUILD_SCOPE_VARIABLE, parseBuildScope, type BuildScope } from "../lib/job-scope.ts";

/** How often a process started ahead of its scope looks for it. */
const POLL_MS = 10;

let scope: BuildScope | null | undefined;

/** What this build process was asked to make (src/lib/job-scope.ts), or null: the whole site. */
export function currentJobScope(): BuildScope | null {
  if (scope !== undefined) return scope;
  const file = process.env[BUILD_SCOPE_VARIABLE];
  scope = file ? parseBuildScope(readFileSync(file, "utf8")) : null;
  return scope;
}

/**
 * `currentJobScope`, once its file is there. The publisher starts its
 * listings process before it has planned what that process makes, so that
 * Astro starts up on one core while the plan is made on the other, and
 * writes the scope file (whole, under its name at once) when the plan is
 * ready. The process waits here before it syncs its content
 * (src/content/one-sync-at-a-time.ts). A process whose publisher is gone
 * stops waiting.
 */
export async function jobScopeWhenWritten(): Promise<BuildScope | null> {
  const file = process.env[BUILD_SCOPE_VARIABLE];
  const parent = process.ppid;
  while (file && !existsSync(file)) {
    if (process.ppid !== parent) throw new Error("The build that started this process is gone.");
    await sleep(POLL_MS);
  }
  return currentJobScope();
}
