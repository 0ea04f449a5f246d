import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  pictureFilesOfArticles,
  pictureFilesOfPage,
  unusedPictureFiles,
} from "../../src/publisher/picture-files";
import { useTempDir } from "../support/temp-dir";

const site = useTempDir("picture-files");

describe("pictureFilesOfPage", () => {
  test("finds each picture under _astro/ once, in src and srcset, under any base, by its name on disk, and nothing else there", () => {
    const html =
      '<img src="/reader/_astro/crowd.Ab12.jpg" srcset="/reader/_astro/crowd.Ab12_1.webp 480w, https://news.example.org/reader/_astro/crowd.Ab12.webp 800w">' +
      '<link rel="stylesheet" href="/reader/_astro/index.Cd34.css"><img src="/reader/_astro/crowd.Ab12.jpg">' +
      '<img src="/reader/_astro/paris%20street.Ef56.jpg">';
    expect(pictureFilesOfPage(html)).toEqual([
      "_astro/crowd.Ab12.jpg",
      "_astro/crowd.Ab12.webp",
      "_astro/crowd.Ab12_1.webp",
      "_astro/paris street.Ef56.jpg",
    ]);
  });
});

describe("pictureFilesOfArticles", () => {
  const page = "articles/2016-03-01/paris/index.html";
  const article = { path: "paris.md", keys: ["article:2016-03-01/paris", "site"] };

  test("reads a page this build made, keeps a record otherwise, and reads a page with pictures but no record", async () => {
    await mkdir(join(site(), "articles/2016-03-01/paris"), { recursive: true });
    await writeFile(join(site(), page), '<img src="/_astro/paris.A1.webp">');
    const recorded = ["_astro/paris.Old.webp"];
    const files = (made: boolean, pictures: boolean, record?: string[]) =>
      pictureFilesOfArticles(site(), [{ ...article, pictures, recorded: record }], () => made);
    expect(await files(true, false, recorded)).toEqual(
      new Map([["paris.md", ["_astro/paris.A1.webp"]]]),
    );
    expect(await files(false, true, recorded)).toEqual(new Map([["paris.md", recorded]]));
    expect(await files(false, true)).toEqual(new Map([["paris.md", ["_astro/paris.A1.webp"]]]));
    // No record and nothing found by the scan: the page is not read, and uses none.
    expect(await files(false, false)).toEqual(new Map());
  });
});

describe("unusedPictureFiles", () => {
  test("are the pictures under _astro/ that no article uses, never its scripts or styles", () => {
    const used = new Map([["paris.md", ["_astro/paris.A1.webp"]]]);
    const files = ["_astro/paris.A1.webp", "_astro/gone.B2.avif", "_astro/index.C3.css", "x.webp"];
    expect(unusedPictureFiles(files, used)).toEqual(new Set(["_astro/gone.B2.avif"]));
  });
});
