import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type * as cheerio from "cheerio";
import sharp from "sharp";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { subpathSite } from "../support/global-build";
import { htmlPages, loadPage } from "../support/html";
import { newerArticles } from "../support/publishing-fixture";

/*
 * The publishing build's article with a lead picture (1600 × 900, its focus
 * on the left) and a figure in its body (900 × 600), served under /reader/.
 */

const dist = () => inject("subpathDistDir");
const { authored } = newerArticles;
const site = `${subpathSite.SITE_URL}${subpathSite.BASE_PATH}`;

/** A file of the build, from its URL on the page ("/reader/_astro/x.webp" or absolute; "%20" for a space). */
const fileOf = (url: string) =>
  join(dist(), decodeURIComponent(new URL(url, site).pathname).replace(/^\/reader\//, ""));

/** The `srcset` of an element as [url, width] pairs. */
function candidates(srcset: string | undefined): [string, number][] {
  return (srcset ?? "")
    .split(",")
    .map((entry) => entry.trim().split(/\s+/))
    .map(([url = "", width = ""]) => [url, Number.parseInt(width, 10)]);
}

let $: cheerio.CheerioAPI;
beforeAll(async () => {
  $ = await loadPage(dist(), `${authored.path}index.html`);
});

describe("the lead picture", () => {
  test("is a figure first in the text, with its caption and credit", () => {
    const figure = $(".article-body > figure").first();
    expect(figure.next().is("ul.bullets")).toBe(true);
    expect(figure.find("figcaption").text().trim()).toBe(
      `${authored.image.caption} ${authored.image.credit}`,
    );
    expect(figure.find("figcaption small.credit").text()).toBe(authored.image.credit);
  });

  test("comes as AVIF and WebP in the column's widths, with the JPEG for other browsers", async () => {
    const picture = $(".article-body > figure picture").first();
    const sources = picture
      .find("source")
      .toArray()
      .map((source) => $(source));
    expect(sources.map((source) => source.attr("type"))).toEqual(["image/avif", "image/webp"]);
    const img = picture.find("img");
    for (const [element, format] of [
      [sources[0]!, "heif"],
      [sources[1]!, "webp"],
      [img, "jpeg"],
    ] as const) {
      expect(element.attr("sizes")).toBe("(min-width: 42rem) 40rem, calc(100vw - 2rem)");
      const widths = candidates(element.attr("srcset"));
      expect(widths.map(([, width]) => width)).toEqual([480, 800, 1280]);
      for (const [url, width] of widths) {
        expect(url).toMatch(/^\/reader\/_astro\//);
        const meta = await sharp(fileOf(url)).metadata();
        expect([meta.format, meta.width]).toEqual([format, width]);
      }
    }
  });

  test("is loaded first, at its size: no layout shift, no lazy loading", () => {
    const img = $(".article-body > figure picture img").first();
    expect(img.attr("alt")).toBe(authored.image.alt);
    // Shown at most 1280 wide: its fallback's own source is that size, not the file's 1600.
    expect([img.attr("width"), img.attr("height")]).toEqual(["1280", "720"]);
    expect(img.attr("loading")).toBe("eager");
    expect(img.attr("fetchpriority")).toBe("high");
  });
});

describe("a figure in the body", () => {
  test("is a WebP in the column's widths, with a PNG (its file's format) for other browsers, lazily loaded, at its size, with its caption and credit", async () => {
    const figure = $(".article-body figure").eq(1);
    const source = figure.find("picture > source");
    const img = figure.find("picture > img");
    expect(img.attr("alt")).toBe(authored.figure.alt);
    expect(img.attr("loading")).toBe("lazy");
    expect(figure.find("figcaption").text()).toBe(
      `${authored.figure.caption} ${authored.figure.credit}`,
    );
    expect(source.attr("type")).toBe("image/webp");
    // A <source> in a <picture> takes no src, loading or decoding (html-validate checks the rest).
    expect(Object.keys(source.attr() ?? {}).sort()).toEqual([
      "height",
      "sizes",
      "srcset",
      "type",
      "width",
    ]);
    for (const [element, format] of [
      [source, "webp"],
      [img, "png"],
    ] as const) {
      expect([element.attr("width"), element.attr("height")]).toEqual(["900", "600"]);
      expect(element.attr("sizes")).toBe("(min-width: 42rem) 40rem, calc(100vw - 2rem)");
      // The picture is 900 px wide: no copy wider than it.
      const widths = candidates(element.attr("srcset"));
      expect(widths.map(([, width]) => width)).toEqual([480, 800, 900]);
      for (const [url, width] of widths) {
        const meta = await sharp(fileOf(url)).metadata();
        expect([meta.format, meta.width]).toEqual([format, width]);
      }
    }
  });
});

describe("where the article travels", () => {
  const meta = (name: string) =>
    $(`meta[property="${name}"], meta[name="${name}"]`).attr("content") ?? "";

  test("its link preview is a 1200 × 630 JPEG crop of the lead picture", async () => {
    expect(meta("og:image")).toMatch(new RegExp(`^${site}_astro/paris\\.[^/]+\\.jpg$`));
    expect(meta("og:image:type")).toBe("image/jpeg");
    expect([meta("og:image:width"), meta("og:image:height")]).toEqual(["1200", "630"]);
    expect(meta("og:image:alt")).toBe(authored.image.alt);
    const file = await sharp(fileOf(meta("og:image"))).metadata();
    expect([file.format, file.width, file.height]).toEqual(["jpeg", 1200, 630]);
  });

  test("its structured data offers 16:9, 4:3 and 1:1 crops, the square one kept to the focus", async () => {
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as {
      image: string[];
    };
    const sizes = await Promise.all(
      jsonLd.image.map(async (url) => {
        expect(url.startsWith(`${site}_astro/`)).toBe(true);
        const { width, height } = await sharp(fileOf(url)).metadata();
        return [width, height];
      }),
    );
    expect(sizes).toEqual([
      [1200, 675],
      [1200, 900],
      [900, 900],
    ]);
    // The picture grows redder to the right; its focus is on the left, so
    // the square crop is less red than the whole picture.
    const red = async (file: string) => (await sharp(file).stats()).channels[0]!.mean;
    const whole = await red(fileOf(String($(".article-body picture img").attr("src"))));
    const square = await red(fileOf(jsonLd.image[2]!));
    expect(square).toBeLessThan(whole - 20);
  });

  test("articles without a picture keep their drawn card", async () => {
    const g20 = await loadPage(
      dist(),
      "articles/2015-11-15/putin-goes-from-g-20-pariah-to-player-at-obama-turkey-talk/index.html",
    );
    expect(g20('meta[property="og:image"]').attr("content")).toMatch(/\/card\.png$/);
    expect(g20("figure picture")).toHaveLength(0);
  });
});

test("every picture a page of the build names is in the build", async () => {
  const missing: string[] = [];
  let seen = 0;
  for (const page of await htmlPages(dist())) {
    const html = await readFile(join(dist(), page), "utf8");
    for (const [url] of html.matchAll(
      /(?:https:\/\/news\.example\.org)?\/reader\/_astro\/[^"\s,)]+/g,
    )) {
      seen++;
      if (!existsSync(fileOf(url))) missing.push(`${page}: ${url}`);
    }
  }
  expect(missing).toEqual([]);
  expect(seen).toBeGreaterThan(20);
});

describe("the lists", () => {
  const thumbnail = `/reader/${authored.path}thumbnail.webp`;

  test("show the lead picture's thumbnail beside its headline, and none for articles without one", async () => {
    for (const page of [
      "topics/russia/index.html",
      "people/margaret-talev/index.html",
      "archive/2016/03/index.html",
    ]) {
      const list = await loadPage(dist(), page);
      const images = list(".article-index img");
      expect(images.map((_, img) => list(img).attr("src")).get(), page).toEqual([thumbnail]);
      expect(images.attr("alt"), page).toBe("");
      expect([images.attr("width"), images.attr("height")]).toEqual(["120", "80"]);
      expect(images.attr("loading")).toBe("lazy");
    }
  });

  test("show the front page's lead story with a larger crop, loaded first", async () => {
    const front = await loadPage(dist(), "index.html");
    const lead = front(".lead-story img");
    expect(front(".lead-story h2").text()).toBe(authored.headline);
    expect(lead.attr("src")).toBe(`/reader/${authored.path}teaser.webp`);
    expect([lead.attr("width"), lead.attr("height"), lead.attr("fetchpriority")]).toEqual([
      "600",
      "338",
      "high",
    ]);
  });

  test("name crops the article's own build made, at twice the size they are shown", async () => {
    for (const [file, size] of [
      ["thumbnail.webp", [240, 160]],
      ["teaser.webp", [1200, 675]],
    ] as const) {
      const meta = await sharp(join(dist(), authored.path, file)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["webp", ...size]);
    }
  });
});
