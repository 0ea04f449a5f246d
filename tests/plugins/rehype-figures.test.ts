import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { beforeEach, describe, expect, test } from "vitest";
import { renderStory } from "../support/markdown";
import { drawPicture } from "../../src/cli/synthetic-pictures";
import { useTempDir } from "../support/temp-dir";

const folder = useTempDir("figures");

beforeEach(async () => {
  await drawPicture(join(folder(), "crowd.jpg"), 64, 36);
});

/** Renders `markdown` as the article `story.md` beside the pictures. */
async function render(markdown: string) {
  const { html, messages } = await renderStory(folder(), markdown);
  return { $: cheerio.load(html, null, false), messages };
}

/** The options Astro's image pipeline will get for a picture's fallback (`img`) or its WebP (`source`), from their placeholders. */
function pictureOptions(
  $: cheerio.CheerioAPI,
  element: "img" | "source" = "img",
): Record<string, unknown> {
  return JSON.parse($(element).first().attr("__astro_image_") ?? "{}") as Record<string, unknown>;
}

describe("a picture in a paragraph of its own", () => {
  test("becomes a figure with its caption and credit, and the column's widths and sizes", async () => {
    const { $, messages } = await render(
      'One.\n\n![A crowd in Antalya](./crowd.jpg "Leaders arrive | Jane Doe/Reuters")\n\nTwo.',
    );
    expect(messages).toEqual([]);
    const figure = $("figure");
    expect(figure).toHaveLength(1);
    expect(figure.find("figcaption").text()).toBe("Leaders arrive Jane Doe/Reuters");
    expect(figure.find("figcaption small.credit").text()).toBe("Jane Doe/Reuters");
    expect(pictureOptions($)).toMatchObject({
      src: "./crowd.jpg",
      alt: "A crowd in Antalya",
      widths: [480, 800, 1280],
      sizes: "(min-width: 42rem) 40rem, calc(100vw - 2rem)",
    });
    expect(pictureOptions($)).not.toHaveProperty("title");
  });

  test("is a picture of a WebP and, for other browsers, a fallback in the file's own format", async () => {
    await drawPicture(join(folder(), "chart.png"), 64, 36);
    for (const [file, fallback] of [
      ["crowd.jpg", "jpg"],
      ["chart.png", "png"],
    ]) {
      const { $ } = await render(`![A crowd](./${file})`);
      expect(
        $("figure > picture")
          .children()
          .toArray()
          .map(({ name }) => name),
      ).toEqual(["source", "img"]);
      expect($("source").attr("type")).toBe("image/webp");
      const options = { src: `./${file}`, widths: [480, 800, 1280] };
      expect(pictureOptions($, "source")).toEqual({
        ...options,
        sizes: expect.any(String),
        format: "webp",
      });
      expect(pictureOptions($, "img")).toMatchObject({ ...options, format: fallback });
      expect(pictureOptions($, "img")).not.toHaveProperty("width");
    }
  });

  test("may have spaces in its file's name, written in <…>", async () => {
    await drawPicture(join(folder(), "the crowd.jpg"), 64, 36);
    const { $, messages } = await render("![A crowd](<./the crowd.jpg>)");
    expect(messages).toEqual([]);
    expect(pictureOptions($, "img")).toMatchObject({ src: "./the crowd.jpg" });
  });

  test("is made at most 1280 px wide, however wide its file", async () => {
    await drawPicture(join(folder(), "wide.jpg"), 2400, 1200);
    const { $ } = await render("![A crowd](./wide.jpg)");
    expect(pictureOptions($, "source")).toMatchObject({ width: 1280, format: "webp" });
    expect(pictureOptions($, "img")).toMatchObject({ width: 1280, format: "jpg" });
  });

  test("is no paragraph of the story: the paragraphs around it are the first and second", async () => {
    const { $ } = await render("One.\n\n![A crowd](./crowd.jpg)\n\nTwo.");
    expect(
      $("p")
        .map((_, p) => $(p).attr("id"))
        .get(),
    ).toEqual(["p-1", "p-2"]);
    expect($("figure figcaption")).toHaveLength(0);
  });

  test("has an empty alt when written as decoration", async () => {
    const { $, messages } = await render("![decorative](./crowd.jpg)");
    expect(messages).toEqual([]);
    expect(pictureOptions($)).toMatchObject({ alt: "" });
  });
});

describe("stops the build, at the picture's line", () => {
  beforeEach(async () => {
    await writeFile(join(folder(), "broken.jpg"), "not a picture at all");
  });

  test.each([
    ["no alternative text", "![](./crowd.jpg)", "has no alternative text"],
    [
      "a picture inside a sentence",
      "See ![A crowd](./crowd.jpg) here.",
      "must be a paragraph of its own",
    ],
    [
      "a picture inside a link",
      "[![A crowd](./crowd.jpg)](https://example.org/)",
      "must be a paragraph of its own",
    ],
    [
      "a picture on another site",
      "![A crowd](https://example.org/crowd.jpg)",
      "is on another site",
    ],
    [
      "a path from the site's root",
      "![A crowd](/crowd.jpg)",
      "must be given from the article's folder",
    ],
    [
      "a format the site does not publish",
      "![A crowd](./crowd.svg)",
      "is not in a format the site publishes",
    ],
    ["a missing file", "![A crowd](./gone.jpg)", `does not exist: tried `],
    ["a file that is no picture", "![A crowd](./broken.jpg)", "cannot be read as a picture"],
  ])("%s", async (_, line, reason) => {
    const { messages } = await render(`One.\n\n${line}\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ fatal: true, line: 3 });
    expect(messages[0]!.reason).toContain(reason);
  });

  test("but removes a picture in pasted HTML, with a warning at its line", async () => {
    for (const html of [
      '<img src="./crowd.jpg" alt="A crowd">',
      "<img src=x onerror=alert(1)>",
      '<p>See <img src="https://example.org/a.png"></p>',
    ]) {
      const { $, messages } = await render(`One.\n\n${html}\n`);
      expect($("img"), html).toHaveLength(0);
      // The allowlist's own warnings (an onerror removed) come too.
      const own = messages.filter(({ source }) => source === "rehype-figures");
      expect(own, html).toHaveLength(1);
      expect(own[0]).toMatchObject({ fatal: false, line: 3 });
      expect(own[0]!.reason).toContain("a picture is published only when written in Markdown");
    }
  });

  test("and leaves out, without a word of its own, a picture whose source the allowlist took away", async () => {
    const { $, messages } = await render("One.\n\n![A crowd](javascript:alert(1))\n");
    expect($("img")).toHaveLength(0);
    expect(messages.filter(({ source }) => source === "rehype-figures")).toEqual([]);
    expect(messages.filter(({ fatal }) => fatal)).toEqual([]);
  });

  test("names the path it tried for a missing file", async () => {
    const { messages } = await render("![A crowd](./gone.jpg)");
    expect(messages[0]!.reason).toContain(join(folder(), "gone.jpg"));
  });
});
