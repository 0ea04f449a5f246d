import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeSyntheticArticles } from "../synthetic-articles.ts";
import { projectRoot, type BenchContext } from "./context.ts";
import { medians, row, type BuildFigures } from "./figures.ts";
import { lastBuild, measureBuild, publishOne } from "./measure-build.ts";
import { measureSearch, printSearch } from "./search.ts";

/** The medians of the builds of one archive, and of the bare site's build. */
interface ArchiveFigures {
  first: BuildFigures;
  rebuild: BuildFigures;
  warm: BuildFigures;
  publish: BuildFigures;
  bare: BuildFigures;
}

/** The default bench: first builds, rebuilds and bare builds of 1 and N articles, then the search. */
export async function benchAll(context: BenchContext): Promise<void> {
  const { work, articles, runs } = context;
  const baseline = await measureArchive(context, "baseline", 1);
  const full = await measureArchive(context, "full", articles);
  const margin = (kind: keyof ArchiveFigures) =>
    (((full[kind].wallSeconds - baseline[kind].wallSeconds) * 1000) / (articles - 1)).toFixed(2);

  const search = await measureSearch(join(work, "full-build", "dist"));

  console.log(`\nBroadsheet build benchmark: ${articles} articles, median of ${runs} run(s)\n`);
  const overBare = (kind: keyof ArchiveFigures) =>
    `${(Number(margin(kind)) / Number(margin("bare"))).toFixed(2)}×`;
  // Per page as well: ours makes listing pages (days, months, topics and
  // people by year) besides each article's, the bare site one page an
  // article, so this says how much of the difference is the number of pages.
  const marginPerPage = (kind: keyof ArchiveFigures) =>
    ((full[kind].wallSeconds - baseline[kind].wallSeconds) * 1000) /
    (full[kind].pages - baseline[kind].pages);
  const perPage = (kind: keyof ArchiveFigures) => ({
    "ms/page (margin)": marginPerPage(kind).toFixed(2),
    "over bare, per page": `${(marginPerPage(kind) / marginPerPage("bare")).toFixed(2)}×`,
  });
  console.table({
    "1 article, first build": row(baseline.first),
    "1 article, rebuild": row(baseline.rebuild),
    "1 article, warm build": row(baseline.warm),
    "1 article, bare Astro 7": row(baseline.bare),
    [`${articles} articles, first build`]: {
      ...row(full.first),
      "ms/article (margin)": margin("first"),
      "over bare": overBare("first"),
      ...perPage("first"),
    },
    [`${articles} articles, rebuild`]: {
      ...row(full.rebuild),
      "ms/article (margin)": margin("rebuild"),
      "over bare": overBare("rebuild"),
      ...perPage("rebuild"),
    },
    [`${articles} articles, warm build`]: {
      ...row(full.warm),
      "ms/article (margin)": margin("warm"),
      "over bare": overBare("warm"),
      ...perPage("warm"),
    },
    [`${articles} articles, bare Astro 7`]: {
      ...row(full.bare),
      "ms/article (margin)": margin("bare"),
      "ms/page (margin)": marginPerPage("bare").toFixed(2),
    },
  });
  const publishRatio = full.publish.wallSeconds / baseline.warm.wallSeconds;
  console.log(
    `\nPublishing one article (npm run build after adding it), beside a one-article site's warm build\n`,
  );
  console.table({
    "1-article site, warm build": row(baseline.warm),
    [`into ${articles} articles`]: {
      ...row(full.publish),
      "over the 1-article build": `${publishRatio.toFixed(2)}×`,
    },
  });
  printSearch(search, articles);
}

/**
 * Builds `count` articles `runs` times: a first build; a rebuild with only
 * the cards kept (a CI machine that keeps nothing else); a warm build with
 * every cache kept (`--full`); and publishing: one new article, then
 * `npm run build`, which builds only what it touches.
 */
async function measureArchive(
  { work, bareRoot, runs }: BenchContext,
  name: string,
  count: number,
): Promise<ArchiveFigures> {
  const contentDir = join(work, `${name}-content`);
  await writeSyntheticArticles(contentDir, count);
  const firsts: BuildFigures[] = [];
  const rebuilds: BuildFigures[] = [];
  const warms: BuildFigures[] = [];
  const publishes: BuildFigures[] = [];
  const bares: BuildFigures[] = [];
  for (let run = 1; run <= runs; run++) {
    const buildDir = join(work, `${name}-build`);
    const cacheDir = join(buildDir, "cache");
    await rm(buildDir, { recursive: true, force: true });
    await mkdir(buildDir);
    firsts.push(await measureBuild(buildDir, contentDir, cacheDir));
    // Keep only the drawn cards: the rebuild renders everything else again.
    for (const entry of await readdir(cacheDir)) {
      if (entry !== "social-cards")
        await rm(join(cacheDir, entry), { recursive: true, force: true });
    }
    rebuilds.push(await measureBuild(buildDir, contentDir, cacheDir));
    warms.push(await measureBuild(buildDir, contentDir, cacheDir));
    const published = await publishOne(contentDir, count);
    publishes.push(await measureBuild(buildDir, contentDir, cacheDir, projectRoot, []));
    const report = await lastBuild(cacheDir);
    if (report.kind !== "incremental") {
      throw new Error(`publishing one article made a ${report.kind} build: ${report.reason}`);
    }
    await rm(published);
    await rm(cacheDir, { recursive: true, force: true });
    // In a folder of its own, so that the search is measured on our build.
    const bareDir = join(work, `${name}-bare-build`);
    await rm(bareDir, { recursive: true, force: true });
    await mkdir(bareDir);
    bares.push(await measureBuild(bareDir, contentDir, join(bareDir, "cache"), bareRoot));
    const seconds = (list: BuildFigures[]) => list.at(-1)!.wallSeconds.toFixed(2);
    process.stderr.write(
      `  ${name}, run ${run}/${runs}: first ${seconds(firsts)} s, rebuild ${seconds(rebuilds)} s, ` +
        `warm ${seconds(warms)} s, publish ${seconds(publishes)} s, bare Astro ${seconds(bares)} s\n`,
    );
  }
  return {
    first: medians(firsts),
    rebuild: medians(rebuilds),
    warm: medians(warms),
    publish: medians(publishes),
    bare: medians(bares),
  };
}
