import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { projectRoot, runNode, type RunResult } from "../support/build";
import { treeDifferences, treeDigest } from "../support/tree-digest";

/*
 * Every cache is a promise: after a change to the code, its settings or its
 * packages, `npm run build` starting from the last build's caches makes,
 * byte for byte, what a build from empty caches makes. Each kind of change
 * is made to a copy of the project (the G-20 article alone), and each must
 * show in the output, so the comparison cannot pass by both builds missing it.
 */

/** The package changed in "the packages": our slugs come from it (src/lib/slugs.ts). */
const PACKAGE = "github-slugger";

let project: string;
beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), "broadsheet-code-"));
  for (const entry of [
    "src",
    "public",
    "content",
    "astro.config.mjs",
    "package.json",
    "package-lock.json",
    "tsconfig.json",
  ]) {
    await cp(join(projectRoot, entry), join(project, entry), { recursive: true });
  }
  // The project's packages, linked, but for one that "the packages" changes:
  // a copy of its own, as an upgrade would bring.
  await mkdir(join(project, "node_modules"));
  for (const name of await readdir(join(projectRoot, "node_modules"))) {
    if (name === PACKAGE || name === ".astro" || name === ".cache") continue;
    await symlink(join(projectRoot, "node_modules", name), join(project, "node_modules", name));
  }
  await cp(join(projectRoot, "node_modules", PACKAGE), join(project, "node_modules", PACKAGE), {
    recursive: true,
  });
  const first = await build("dist", "cache");
  expect(first.exitCode, first.output).toBe(0);
}, 300_000);
afterAll(() => rm(project, { recursive: true, force: true }));

/** `npm run build` in the copy, into `outDir` with the cache in `cacheDir` (both in the copy). */
function build(outDir: string, cacheDir: string): Promise<RunResult> {
  return runNode([join(project, "src/cli/build.ts"), "--outDir", join(project, outDir)], {
    cwd: project,
    cacheDir: join(project, cacheDir),
    keepCache: true,
    env: {},
  });
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const path = join(project, file);
  const before = await readFile(path, "utf8");
  const after = change(before);
  expect(after, `the change to ${file} changes it`).not.toBe(before);
  await writeFile(path, after);
}

/** A kind of change, the input the build names for it, and a text the new output holds only with the change. */
const changes: [string, () => Promise<void>, string, string][] = [
  [
    "a Markdown plugin",
    () =>
      edit("src/markdown/plugins/rehype-paragraph-ids.ts", (text) =>
        text.replace(
          "node.properties.id ??= id(position);",
          'node.properties.id ??= id(position);\n      node.properties.dataProbe = "plugin";',
        ),
      ),
    "src/",
    'data-probe="plugin"',
  ],
  [
    "a component",
    () =>
      edit("src/components/Byline.astro", (text) =>
        text.replace('<p class="byline">', '<p class="byline" data-probe="component">'),
      ),
    "src/",
    'data-probe="component"',
  ],
  [
    "a layout",
    () =>
      edit("src/layouts/ArticleLayout.astro", (text) =>
        text.replace('class="article"', 'class="article" data-probe="layout"'),
      ),
    "src/",
    'data-probe="layout"',
  ],
  [
    "the CSS",
    () => edit("src/styles/global.css", (text) => `${text}\n.probe-css {\n  color: red;\n}\n`),
    "src/",
    ".probe-css",
  ],
  [
    "astro.config.mjs",
    () =>
      edit("astro.config.mjs", (text) =>
        text.replace(
          "export default defineConfig({",
          "export default defineConfig({\n  compressHTML: false,",
        ),
      ),
    "astro.config.mjs",
    "\n  <head>",
  ],
  [
    "the packages",
    async () => {
      await edit(`node_modules/${PACKAGE}/index.js`, (text) =>
        text.replace(
          "return value.replace(regex, '')",
          "return 'probe-' + value.replace(regex, '')",
        ),
      );
      await edit("package-lock.json", (text) =>
        text.replace(
          new RegExp(`("node_modules/${PACKAGE}": \\{\\s*"version": ")([^"]+)`),
          "$1$2-probe",
        ),
      );
    },
    "package-lock.json",
    "/probe-",
  ],
];

describe("npm run build after a change to the code", () => {
  test.each(changes)(
    "makes what a build from empty caches makes, after a change to %s",
    async (_, change, input, probe) => {
      await change();
      const cold = `cold-${Math.random().toString(36).slice(2)}`;
      const [warm, fresh] = await Promise.all([
        build("dist", "cache"),
        build(cold, `${cold}-cache`),
      ]);
      expect(warm.exitCode, warm.output).toBe(0);
      expect(fresh.exitCode, fresh.output).toBe(0);
      expect(warm.output).toContain(`A full build: ${input} changed since the last build.`);
      const page = await articlePage(join(project, "dist"));
      expect(page).toContain(probe);
      const [made, expected] = await Promise.all([
        treeDigest(join(project, "dist")),
        treeDigest(join(project, cold)),
      ]);
      expect(treeDifferences(made, expected)).toEqual([]);
      await rm(join(project, cold), { recursive: true, force: true });
      await rm(join(project, `${cold}-cache`), { recursive: true, force: true });
    },
    300_000,
  );
});

/** The HTML of the G-20 article's page in a built site. */
async function articlePage(dist: string): Promise<string> {
  const [day] = await readdir(join(dist, "articles"));
  const [slug] = await readdir(join(dist, "articles", day!));
  return readFile(join(dist, "articles", day!, slug!, "index.html"), "utf8");
}
