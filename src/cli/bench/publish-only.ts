import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { writeSyntheticArticles } from "../synthetic-articles.ts";
import { projectRoot, type BenchContext } from "./context.ts";
import { row } from "./figures.ts";
import { lastBuild, lastBuildOfKind, measureBuild, publishOne } from "./measure-build.ts";

/**
 * `--publish-only`: a first build of N articles and one article published
 * into them, process by process, beside a one-article site's build with
 * its caches (`--full`) made in the same run.
 */
export async function benchPublishOnly({ work, articles }: BenchContext): Promise<void> {
  const oneContent = join(work, "one-content");
  const oneBuild = join(work, "one-build");
  await writeSyntheticArticles(oneContent, 1);
  await mkdir(oneBuild);
  await measureBuild(oneBuild, oneContent, join(oneBuild, "cache"));
  const oneWarm = await measureBuild(oneBuild, oneContent, join(oneBuild, "cache"));

  const contentDir = join(work, "scale-content");
  const buildDir = join(work, "scale-build");
  const cacheDir = join(buildDir, "cache");
  await writeSyntheticArticles(contentDir, articles);
  await mkdir(buildDir);
  const first = await measureBuild(buildDir, contentDir, cacheDir);
  const firstReport = await lastBuild(cacheDir);
  await publishOne(contentDir, articles);
  const publish = await measureBuild(buildDir, contentDir, cacheDir, projectRoot, []);
  const publishReport = await lastBuildOfKind(cacheDir, "publishing one", "incremental");
  console.log(
    `\nBroadsheet build benchmark: ${articles} articles, a first build and one publish\n`,
  );
  console.table({
    "1-article site, --full with its caches": row(oneWarm),
    [`${articles} articles, first build`]: {
      ...row(first),
      "ms/article": ((first.wallSeconds * 1000) / articles).toFixed(2),
    },
    [`publishing one into ${articles}`]: {
      ...row(publish),
      "over the 1-article build": `${(publish.wallSeconds / oneWarm.wallSeconds).toFixed(2)}×`,
    },
  });
  for (const [name, report] of [
    ["first build", firstReport],
    ["publish", publishReport],
  ] as const) {
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
