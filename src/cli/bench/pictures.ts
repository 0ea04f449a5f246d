import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeSyntheticArticles } from "../synthetic-articles.ts";
import { writeArchive, type BenchContext } from "./context.ts";
import { medians, row, type BuildFigures } from "./figures.ts";
import { lastBuildOfKind, measureBuild, publishOne } from "./measure-build.ts";

/**
 * `--pictures`: what pictures cost. N articles, each with a lead picture
 * (1600 × 900) and a figure in its body (1200 × 800), drawn for the run:
 * their first build beside the first build of the same articles without
 * pictures, and the difference per article; then R times one article with
 * pictures published into them and deleted again, each beside a build of a
 * one-article site with pictures (its caches kept, `--full`).
 */
export async function benchPictures({ work, articles, runs }: BenchContext): Promise<void> {
  const oneContent = join(work, "one-content");
  const oneBuild = join(work, "one-build");
  await writeSyntheticArticles(oneContent, 1, 2015, { pictures: true });
  await mkdir(oneBuild);
  const buildOne = () => measureBuild(oneBuild, oneContent, join(oneBuild, "cache"));
  await buildOne();

  const first = async (name: string, pictures: boolean) => {
    const contentDir = join(work, `${name}-content`);
    const buildDir = join(work, `${name}-build`);
    await writeArchive(contentDir, articles, { pictures });
    await mkdir(buildDir);
    const figures = await measureBuild(buildDir, contentDir, join(buildDir, "cache"));
    return { contentDir, buildDir, cacheDir: join(buildDir, "cache"), figures };
  };
  const plain = await first("plain", false);
  await rm(plain.buildDir, { recursive: true, force: true });
  const pictured = await first("pictured", true);

  const measured = {
    one: [] as BuildFigures[],
    publish: [] as BuildFigures[],
    delete: [] as BuildFigures[],
  };
  const change = async (what: string, figures: BuildFigures[]) => {
    figures.push(
      await measureBuild(pictured.buildDir, pictured.contentDir, pictured.cacheDir, undefined, []),
    );
    await lastBuildOfKind(pictured.cacheDir, what, "incremental");
  };
  for (let run = 1; run <= runs; run++) {
    measured.one.push(await buildOne());
    const published = await publishOne(pictured.contentDir, articles, run, { pictures: true });
    await change("publishing one", measured.publish);
    for (const file of published) await rm(file);
    await change("deleting one", measured.delete);
    process.stderr.write(
      `  run ${run}/${runs}: 1-article ${measured.one.at(-1)!.wallSeconds.toFixed(2)} s, ` +
        `publishing ${measured.publish.at(-1)!.wallSeconds.toFixed(2)} s, ` +
        `deleting ${measured.delete.at(-1)!.wallSeconds.toFixed(2)} s\n`,
    );
  }

  const one = medians(measured.one);
  const overOne = (figures: BuildFigures) => ({
    ...row(figures),
    "over the 1-article build": `${(figures.wallSeconds / one.wallSeconds).toFixed(2)}×`,
  });
  const perArticle = (figures: BuildFigures) =>
    ((figures.wallSeconds * 1000) / articles).toFixed(1);
  console.log(
    `\nBroadsheet build benchmark: ${articles} articles with pictures (a lead and a figure each), ` +
      `median of ${runs} run(s)\n`,
  );
  console.table({
    "1-article site with pictures, --full with its caches": row(one),
    [`${articles} articles without pictures, first build`]: {
      ...row(plain.figures),
      "ms/article": perArticle(plain.figures),
    },
    [`${articles} articles with pictures, first build`]: {
      ...row(pictured.figures),
      "ms/article": perArticle(pictured.figures),
    },
    [`publishing one into ${articles}`]: overOne(medians(measured.publish)),
    [`deleting one of ${articles + 1}`]: overOne(medians(measured.delete)),
  });
  const cost = (pictured.figures.wallSeconds - plain.figures.wallSeconds) / articles;
  const bytes = (pictured.figures.distBytes - plain.figures.distBytes) / articles;
  console.log(
    `\nPictures cost ${(cost * 1000).toFixed(1)} ms of a first build and ` +
      `${(bytes / 1024).toFixed(0)} KiB of the site an article.`,
  );
}
