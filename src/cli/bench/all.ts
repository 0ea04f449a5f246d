import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writeSyntheticArticles } from "../synthetic-articles.ts";
import { projectRoot, writeArchive, type BenchContext } from "./context.ts";
import { medians, row, type BuildFigures } from "./figures.ts";
import type { BuildReport } from "../../publisher/carry-out.ts";
import { lastBuildOfKind, measureBuild, publishOne } from "./measure-build.ts";
import { measureSearch, printSearch } from "./search.ts";

/** What a newsroom runs, in the order the bench runs it. */
const ACTIONS = ["first build", "publishing one", "deleting one", "template change"] as const;
type Action = (typeof ACTIONS)[number];

/** Our builds of each action and the bare site's, medians of the runs. */
type ArchiveFigures = Record<Action, { ours: BuildFigures; bare: BuildFigures }>;

/**
 * The default bench: on N synthetic articles, what a newsroom runs, each
 * beside a bare Astro 7 site doing the same in the same run: a first build;
 * publishing one article; deleting it; and a template change (a CSS edit,
 * which makes every page again and keeps the cards). The bare site has no
 * incremental build: publishing and deleting are builds of the whole
 * archive from its content cache. Then a one-article site's build, which
 * publishing is measured against, and the search.
 */
export async function benchAll(context: BenchContext): Promise<void> {
  const { work, articles, runs } = context;
  const figures = await measureArchive(context, articles);
  const one = await measureOneArticleBuild(context);
  const search = await measureSearch(join(work, "archive-build", "dist"));

  console.log(`\nBroadsheet build benchmark: ${articles} articles, median of ${runs} run(s)\n`);
  console.table(
    Object.fromEntries(
      ACTIONS.map((action) => {
        const { ours, bare } = figures[action];
        return [
          action,
          {
            ...row(ours),
            "bare Astro 7 wall s": bare.wallSeconds.toFixed(2),
            "bare peak MiB": (bare.maxRssBytes / 2 ** 20).toFixed(0),
            "over bare": `${(ours.wallSeconds / bare.wallSeconds).toFixed(2)}×`,
          },
        ];
      }),
    ),
  );
  console.log(`\nPublishing and deleting one article, beside a one-article site's build\n`);
  console.table({
    "1-article site, --full with its caches": row(one),
    ...Object.fromEntries(
      (["publishing one", "deleting one"] as const).map((action) => [
        `${action} of ${articles}`,
        {
          ...row(figures[action].ours),
          "over the 1-article build": `${(figures[action].ours.wallSeconds / one.wallSeconds).toFixed(2)}×`,
        },
      ]),
    ),
  });
  printSearch(search, articles);
}

/** Each action on `count` articles, ours and the bare site's, `runs` times. */
async function measureArchive(
  { work, bareRoot, runs }: BenchContext,
  count: number,
): Promise<ArchiveFigures> {
  const contentDir = join(work, "archive-content");
  await writeArchive(contentDir, count);
  const results = Object.fromEntries(
    ACTIONS.map((action) => [action, { ours: [] as BuildFigures[], bare: [] as BuildFigures[] }]),
  ) as Record<Action, { ours: BuildFigures[]; bare: BuildFigures[] }>;
  for (let run = 1; run <= runs; run++) {
    const buildDir = join(work, "archive-build");
    const bareDir = join(work, "archive-bare-build");
    for (const dir of [buildDir, bareDir]) {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir);
    }
    const cacheDir = join(buildDir, "cache");
    const bareCache = join(bareDir, "cache");
    const ours = (args: readonly string[] = []) =>
      measureBuild(buildDir, contentDir, cacheDir, projectRoot, args);
    const bare = () => measureBuild(bareDir, contentDir, bareCache, bareRoot);
    const both = async (action: Action, expected?: BuildReport["kind"]) => {
      results[action].ours.push(await ours());
      if (expected) await lastBuildOfKind(cacheDir, action, expected);
      results[action].bare.push(await bare());
    };

    await both("first build");
    const [published] = await publishOne(contentDir, count);
    await both("publishing one", "incremental");
    await rm(published!);
    await both("deleting one", "incremental");
    await withEdit(
      join(projectRoot, "src/styles/global.css"),
      (css) => `${css}\n:root { --bench-template-change: 1; }\n`,
      () =>
        withEdit(
          join(bareRoot, "src/pages/articles/[id].astro"),
          (page) => page.replace("</head>", "<style>h1 { color: #111; }</style></head>"),
          async () => {
            results["template change"].ours.push(await ours());
            await lastBuildOfKind(cacheDir, "template change", "full");
            results["template change"].bare.push(await bare());
          },
        ),
    );
    const seconds = (action: Action) =>
      `${results[action].ours.at(-1)!.wallSeconds.toFixed(2)} s (bare ${results[action].bare.at(-1)!.wallSeconds.toFixed(2)} s)`;
    process.stderr.write(
      `  run ${run}/${runs}: ${ACTIONS.map((action) => `${action} ${seconds(action)}`).join(", ")}\n`,
    );
  }
  return Object.fromEntries(
    ACTIONS.map((action) => [
      action,
      { ours: medians(results[action].ours), bare: medians(results[action].bare) },
    ]),
  ) as ArchiveFigures;
}

/**
 * Runs `use` with `file` changed by `edit`, and puts the file back as it was
 * whatever happens: the template change edits the project's own CSS.
 */
async function withEdit(
  file: string,
  edit: (text: string) => string,
  use: () => Promise<void>,
): Promise<void> {
  const original = await readFile(file, "utf8");
  await writeFile(file, edit(original));
  try {
    await use();
  } finally {
    await writeFile(file, original);
  }
}

/** A one-article site built with every cache kept (`--full`): what publishing one is measured against. */
async function measureOneArticleBuild({ work, runs }: BenchContext): Promise<BuildFigures> {
  const contentDir = join(work, "one-content");
  const buildDir = join(work, "one-build");
  await writeSyntheticArticles(contentDir, 1);
  await mkdir(buildDir);
  const cacheDir = join(buildDir, "cache");
  await measureBuild(buildDir, contentDir, cacheDir);
  const builds: BuildFigures[] = [];
  for (let run = 1; run <= runs; run++)
    builds.push(await measureBuild(buildDir, contentDir, cacheDir));
  return medians(builds);
}
