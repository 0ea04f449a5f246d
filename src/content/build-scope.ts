import { readFileSync } from "node:fs";
import { BUILD_SCOPE_VARIABLE, parseBuildScope, type BuildScope } from "../lib/build-scope";

let scope: BuildScope | null | undefined;

/** The scope this build process was given (src/lib/build-scope.ts), or null: the whole site. */
export function buildScope(): BuildScope | null {
  if (scope !== undefined) return scope;
  const file = process.env[BUILD_SCOPE_VARIABLE];
  scope = file ? parseBuildScope(readFileSync(file, "utf8")) : null;
  return scope;
}
