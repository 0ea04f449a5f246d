import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { drawPicture } from "../../src/cli/synthetic-pictures";
import { projectRoot, runNode, type RunResult } from "../support/build";
import { treeDifferences, treeDigest } from "../support/tree-digest";

/*
 * Every cache is a promise: after a change to the code, its settings or its
 * packages, `npm run build` starting from the last build's caches makes,
 * byte for byte, what a build from empty caches makes. Each kind of change
 * is made to a copy of the project (the G-20 article alone), and each must
 * show in the output, so the comparison cannot pass by both builds missing it.
 * An article with pictures rides along, so the pictures' own cache is held
 * to the same promise.
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
  // An article with pictures, whose cache has a key of its own (src/publisher/picture-cache.ts).
  await drawPicture(join(project, "content/articles/pictures/lead.jpg"), 1200, 675, { seed: 5 });
  await writeFile(
    join(project, "content/articles/pictures.md"),
    [
      "---",
      "headline: Leaders Gather in Antalya",
      "bullets: [Leaders arrive for the summit]",
      "byline: { organisation: Test Wire }",
      "published: 2016-01-01",
      "timezone: UTC",
      "image: { src: ./pictures/lead.jpg, alt: Delegates on the steps of the hall }",
      "---",
      "",
      "The leaders gathered on Saturday.",
      "",
      '![The hall from the sea](./pictures/lead.jpg "The hall | Test Wire")',
      "",
    ].join("\n"),
  );
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

/**
 * A kind of change, the input the build names for it, and a text the new
 * output holds only with the change; or, for a change to how pictures are
 * encoded, which shows in their bytes alone, undefined.
 */
const changes: [string, () => Promise<void>, string, string | undefined][] = [
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
    "the image settings",
    () =>
      edit("astro.config.mjs", (text) =>
        text.replace("avif: { effort: 2 }", "avif: { effort: 1 }"),
      ),
    "astro.config.mjs",
    undefined,
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
      const pictures = async () => treePictures(await treeDigest(join(project, "dist")));
      const picturesBefore = await pictures();
      await change();
      const cold = `cold-${Math.random().toString(36).slice(2)}`;
      const [warm, fresh] = await Promise.all([
        build("dist", "cache"),
        build(cold, `${cold}-cache`),
      ]);
      expect(warm.exitCode, warm.output).toBe(0);
      expect(fresh.exitCode, fresh.output).toBe(0);
      expect(warm.output).toContain(`A full build: ${input} changed since the last build.`);
      if (probe === undefined) {
        expect(await pictures()).not.toEqual(picturesBefore);
      } else {
        expect(await articlePage(join(project, "dist"))).toContain(probe);
        expect(await pictures()).toEqual(picturesBefore);
      }
      if (input === "src/") {
        // A change to the pages' code makes every page again, and no picture.
        expect(warm.output).toContain("(reused cache entry)");
        expect(warm.output).not.toMatch(/▶ \S+ \(before:/);
      }
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

/** The digests of a built site's pictures (the files Astro made of them), by path. */
function treePictures(tree: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).filter(([path]) => path.startsWith("_astro/")));
}

/** The HTML of the G-20 article's page in a built site. */
async function articlePage(dist: string): Promise<string> {
  const [day] = await readdir(join(dist, "articles"));
  const [slug] = await readdir(join(dist, "articles", day!));
  return readFile(join(dist, "articles", day!, slug!, "index.html"), "utf8");
}
