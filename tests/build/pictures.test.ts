import { copyFile, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { expect, test } from "vitest";
import { makeWorkDir, projectRoot, runBuildCommand } from "../support/build";
import { htmlPages, loadPage } from "../support/html";
import { g20Path } from "../support/publishing-fixture";
import { treeDifferences, treeDigest } from "../support/tree-digest";

/*
 * A picture in an article's body, written in plain Markdown beside the
 * article, goes through Astro's image pipeline: it once shipped as Astro's
 * unresolved placeholder, with no `src`, and the build said nothing.
 */

/** A 1600×900 JPEG of one colour, drawn here rather than shipped. */
function picture(red: number): Promise<Buffer> {
  return sharp({
    create: { width: 1600, height: 900, channels: 3, background: { r: red, g: 120, b: 40 } },
  })
    .jpeg()
    .toBuffer();
}

test("a picture in the body reaches the page sized and converted, and a new one republishes it", async () => {
  const dir = await makeWorkDir();
  const content = join(dir, "content");
  const article = join(content, "g20.md");
  await mkdir(content);
  await copyFile(join(projectRoot, "content/articles/putin-g20-obama-turkey-talk.md"), article);
  const text = await readFile(article, "utf8");
  const bodyStart = text.indexOf("\n---\n", 4) + "\n---\n".length;
  await writeFile(
    article,
    `${text.slice(0, bodyStart)}\n![A crowd in Antalya](./crowd.jpg "Leaders arrive")\n\n${text.slice(bodyStart)}`,
  );
  await writeFile(join(content, "crowd.jpg"), await picture(200));
  const settings = { CONTENT_DIR: content };
  const outDir = join(dir, "dist");
  const cacheDir = join(dir, "cache");

  const first = await runBuildCommand(outDir, settings, { cacheDir });
  expect(first.exitCode, first.output).toBe(0);
  const image = async () => {
    const $ = await loadPage(outDir, `${g20Path}index.html`);
    const img = $(".article-body img");
    expect(img).toHaveLength(1);
    expect(img.attr("alt")).toBe("A crowd in Antalya");
    expect([img.attr("width"), img.attr("height")]).toEqual(["1600", "900"]);
    expect(img.attr("loading")).toBe("lazy");
    const src = img.attr("src") ?? "";
    expect(src).toMatch(/^\/_astro\/crowd\.[\w-]+\.webp$/);
    expect((await stat(join(outDir, src))).size).toBeGreaterThan(0);
    return src;
  };
  const before = await image();
  for (const page of await htmlPages(outDir)) {
    expect(await readFile(join(outDir, page), "utf8"), page).not.toContain("__ASTRO_IMAGE_");
  }

  // The article's text is as it was; only its picture changed.
  await writeFile(join(content, "crowd.jpg"), await picture(30));
  const next = await runBuildCommand(outDir, settings, { cacheDir });
  expect(next.exitCode, next.output).toBe(0);
  expect(next.output).toContain("A full build: the files beside the articles changed");
  expect(await image()).not.toBe(before);
  const fresh = join(dir, "fresh");
  const made = await runBuildCommand(fresh, settings);
  expect(made.exitCode, made.output).toBe(0);
  expect(treeDifferences(await treeDigest(outDir), await treeDigest(fresh))).toEqual([]);
}, 300_000);
