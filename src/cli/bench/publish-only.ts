import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeSyntheticArticles } from "../synthetic-articles.ts";
import type { BuildReport } from "../../publisher/carry-out.ts";
import { projectRoot, writeArchive, type BenchContext } from "./context.ts";
import { medians, row, type BuildFigures } from "./figures.ts";
import { lastBuild, lastBuildOfKind, measureBuild, publishOne } from "./measure-build.ts";

/**
 * `--publish-only`: a first build of N articles, then R times one article
 * published into them and deleted again, each beside a one-article site's
 * build with its caches (`--full`) in the same run; medians, and the last
 * publish and deletion process by process.
 */
export async function benchPublishOnly({ work, articles, runs }: BenchContext): Promise<void> {
  const oneContent = join(work, "one-content");
  const oneBuild = join(work, "one-build");
  await writeSyntheticArticles(oneContent, 1);
  await mkdir(oneBuild);
  const buildOne = () => measureBuild(oneBuild, oneContent, join(oneBuild, "cache"));
  await buildOne();

  const contentDir = join(work, "scale-content");
  const buildDir = join(work, "scale-build");
  const cacheDir = join(buildDir, "cache");
  await writeArchive(contentDir, articles);
  await mkdir(buildDir);
  const first = await measureBuild(buildDir, contentDir, cacheDir);
  const reports: [string, BuildReport][] = [["first build", await lastBuild(cacheDir)]];

  const measured = {
    one: [] as BuildFigures[],
    publish: [] as BuildFigures[],
    delete: [] as BuildFigures[],
  };
  const change = async (what: string, figures: BuildFigures[]) => {
    figures.push(await measureBuild(buildDir, contentDir, cacheDir, projectRoot, []));
    return lastBuildOfKind(cacheDir, what, "incremental");
  };
  let publishReport: BuildReport | undefined;
  let deleteReport: BuildReport | undefined;
  for (let run = 1; run <= runs; run++) {
    measured.one.push(await buildOne());
    const [published] = await publishOne(contentDir, articles, run);
    publishReport = await change("publishing one", measured.publish);
    await rm(published!);
    deleteReport = await change("deleting one", measured.delete);
    process.stderr.write(
      `  run ${run}/${runs}: 1-article ${measured.one.at(-1)!.wallSeconds.toFixed(2)} s, ` +
        `publishing ${measured.publish.at(-1)!.wallSeconds.toFixed(2)} s, ` +
        `deleting ${measured.delete.at(-1)!.wallSeconds.toFixed(2)} s\n`,
    );
  }
  reports.push(["publish", publishReport!], ["deletion", deleteReport!]);

  const one = medians(measured.one);
  const overOne = (figures: BuildFigures) => ({
    ...row(figures),
    "over the 1-article build": `${(figures.wallSeconds / one.wallSeconds).toFixed(2)}×`,
  });
  console.log(
    `\nBroadsheet build benchmark: ${articles} articles, a first build, then publishing ` +
      `one and deleting it, median of ${runs} run(s)\n`,
  );
  console.table({
    "1-article site, --full with its caches": row(one),
    [`${articles} articles, first build`]: {
      ...row(first),
      "ms/article": ((first.wallSeconds * 1000) / articles).toFixed(2),
    },
    [`publishing one into ${articles}`]: overOne(medians(measured.publish)),
    [`deleting one of ${articles + 1}`]: overOne(medians(measured.delete)),
  });
  for (const [name, report] of reports) {
    console.log(
      `\n${name}: ${report.kind} (${report.reason}); joining and the site's files ` +
        `${report.joinSeconds.toFixed(1)} s, npm run build's own process peaking at ` +
        `${((report.ownMaxRssBytes ?? 0) / 2 ** 20).toFixed(0)} MiB`,
    );
    console.table(
      Object.fromEntries(
        report.jobs.map((job) => [
          job.name,
          {
            pages: job.pages,
            "wall s": job.seconds.toFixed(1),
            "peak MiB": (job.maxRssBytes / 2 ** 20).toFixed(0),
          },
        ]),
      ),
    );
  }
}
