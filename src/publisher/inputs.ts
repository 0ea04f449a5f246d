import { createHash } from "node:crypto";
import { glob, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Everything besides the articles that decides a build's bytes, each with a
 * digest: the code and its settings, the packages, the Node that runs them,
 * the public files, and where the site is served. When any of them differs
 * from the last build's, every page may have changed, so the build is a full
 * one; the names say which in the build's log.
 */
export async function buildInputs(
  projectRoot: string,
  env: NodeJS.ProcessEnv,
): Promise<Record<string, string>> {
  const inputs: Record<string, string> = {};
  for (const [name, pattern] of [
    ["src/", "src/**/*"],
    ["public/", "public/**/*"],
    ["astro.config.mjs", "astro.config.mjs"],
    ["package-lock.json", "package-lock.json"],
    ["tsconfig.json", "tsconfig.json"],
  ] as const) {
    inputs[name] = await filesDigest(projectRoot, pattern);
  }
  inputs["the Node version"] = digest(process.version);
  for (const variable of ["SITE_URL", "BASE_PATH", "TZ"]) {
    inputs[variable] = digest(env[variable]?.trim() ?? "");
  }
  return inputs;
}

/** The names of the inputs that differ between two builds. */
export function changedInputs(
  before: Readonly<Record<string, string>>,
  now: Readonly<Record<string, string>>,
): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(now)]);
  return [...names].filter((name) => before[name] !== now[name]).sort();
}

function digest(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A digest of the names and bytes of the files that match `pattern`. */
async function filesDigest(root: string, pattern: string): Promise<string> {
  const hash = createHash("sha256");
  const paths = (await Array.fromAsync(glob(pattern, { cwd: root, withFileTypes: true })))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const path of paths) {
    hash.update(`${path.slice(root.length)}\0`);
    hash.update(digest(await readFile(path)));
  }
  return hash.digest("hex");
}

/** One digest of all the inputs: the key of every cache whose entries the code shapes. */
export function inputsDigest(inputs: Readonly<Record<string, string>>): string {
  const entries = Object.entries(inputs).sort(([a], [b]) => (a < b ? -1 : 1));
  return digest(JSON.stringify(entries));
}
