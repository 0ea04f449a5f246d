import { readFileSync } from "node:fs";
import { BUILD_SCOPE_VARIABLE, parseBuildScope, type BuildScope } from "../lib/job-scope";

let scope: BuildScope | null | undefined;

/** What this build process was asked to make (src/lib/job-scope.ts), or null: the whole site. */
export function currentJobScope(): BuildScope | null {
  if (scope !== undefined) return scope;
  const file = process.env[BUILD_SCOPE_VARIABLE];
  scope = file ? parseBuildScope(readFileSync(file, "utf8")) : null;
  return scope;
}
