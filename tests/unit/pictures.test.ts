import { describe, expect, test } from "vitest";
import {
  captionAndCredit,
  cropPosition,
  fallbackFormat,
  isPictureFile,
  isRemotePicture,
  largestCrop,
  withOnePicturePerFigure,
  withValidPictureSources,
} from "../../src/lib/pictures";

describe("captionAndCredit", () => {
  test.each([
    [undefined, {}],
    ["", {}],
    ["Leaders arrive in Antalya", { caption: "Leaders arrive in Antalya" }],
    [
      "Leaders arrive | Jane Doe/Reuters",
      { caption: "Leaders arrive", credit: "Jane Doe/Reuters" },
    ],
    [" | Jane Doe/Reuters", { credit: "Jane Doe/Reuters" }],
    [
      "Left | right, both caption | Credit",
      { caption: "Left | right, both caption", credit: "Credit" },
    ],
    ["A|B", { caption: "A|B" }],
  ])("reads %j", (title, expected) => {
    expect(captionAndCredit(title)).toEqual(expected);
  });
});

describe("largestCrop", () => {
  test.each([
    [1600, 900, [16, 9], [1600, 900]],
    [1600, 900, [4, 3], [1200, 900]],
    [1600, 900, [1, 1], [900, 900]],
    [1600, 900, [1200, 630], [1600, 840]],
    [800, 1200, [16, 9], [800, 450]],
    [801, 601, [4, 3], [801, 600]],
  ] as const)("of %i × %i at %j is %j", (width, height, ratio, expected) => {
    const crop = largestCrop(width, height, ratio);
    expect(crop).toEqual(expected);
    expect(crop[0]).toBeLessThanOrEqual(width);
    expect(crop[1]).toBeLessThanOrEqual(height);
  });
});

test("cropPosition puts the side first, as sharp takes it", () => {
  expect(cropPosition("center")).toBe("center");
  expect(cropPosition("top")).toBe("top");
  expect(cropPosition("top left")).toBe("left top");
  expect(cropPosition("bottom right")).toBe("right bottom");
});

test("isPictureFile and isRemotePicture", () => {
  expect(isPictureFile("./crowd.JPG")).toBe(true);
  expect(isPictureFile("./crowd.svg")).toBe(false);
  expect(isPictureFile("./crowd")).toBe(false);
  expect(isRemotePicture("https://example.org/a.jpg")).toBe(true);
  expect(isRemotePicture("//example.org/a.jpg")).toBe(true);
  expect(isRemotePicture("data:image/png;base64,AAAA")).toBe(true);
  expect(isRemotePicture("./a.jpg")).toBe(false);
  expect(isRemotePicture("../images/a.jpg")).toBe(false);
});

describe("fallbackFormat", () => {
  test.each([
    ["./crowd.jpg", "jpg"],
    ["./crowd.JPEG", "jpg"],
    ["./spin.gif", "gif"],
    ["./chart.png", "png"],
    ["./photo.webp", "png"],
    ["./photo.avif", "png"],
    ["./scan.tiff", "png"],
  ])("%s falls back to %s", (path, format) => {
    expect(fallbackFormat(path)).toBe(format);
  });
});

describe("withValidPictureSources", () => {
  test("takes off a <source> what only an <img> may have, and leaves the <img> whole", () => {
    const img =
      '<img alt="A crowd" width="900" height="600" loading="lazy" decoding="async" src="/_astro/a.jpg" srcset="/_astro/a.jpg 480w">';
    const html =
      '<figure><picture><source type="image/webp" sizes="100vw" width="900" height="600" loading="lazy" decoding="async" src="/_astro/a.webp" srcset="/_astro/a_1.webp 480w, /_astro/a.webp 900w">' +
      `${img}</picture></figure>`;
    expect(withValidPictureSources(html)).toBe(
      '<figure><picture><source type="image/webp" sizes="100vw" width="900" height="600" srcset="/_astro/a_1.webp 480w, /_astro/a.webp 900w">' +
        `${img}</picture></figure>`,
    );
  });

  test("leaves a body without pictures as it is", () => {
    const html = '<p id="p-1">A source said <a href="/sources">so</a>.</p>';
    expect(withValidPictureSources(html)).toBe(html);
  });
});

describe("withOnePicturePerFigure", () => {
  const placeholder = (options: object) =>
    `__ASTRO_IMAGE_="${JSON.stringify(options).replace(/"/g, "&#x22;")}"`;

  test("drops a figure's <source> and its fallback's widths and sizes, and keeps the rest of its options", () => {
    const options = { src: "./the crowd & co.jpg", alt: "A crowd", format: "jpg", index: 0 };
    const html =
      `<figure><picture><source type="image/webp" ${placeholder({ src: "./the crowd & co.jpg", widths: [480], format: "webp" })}>` +
      `<img ${placeholder({ ...options, widths: [480, 800, 1280], sizes: "100vw" })}></picture><figcaption>A crowd</figcaption></figure>`;
    const reduced = withOnePicturePerFigure(html);
    expect(reduced).not.toContain("<source");
    const [, escaped = ""] = /__ASTRO_IMAGE_="([^"]+)"/.exec(reduced) ?? [];
    // Escaped as Astro reads it back (src/content/runtime: &#x22; and &#x26;).
    expect(JSON.parse(escaped.replace(/&#x22;/g, '"').replace(/&#x26;/g, "&"))).toEqual(options);
    expect(reduced).toContain("<figcaption>A crowd</figcaption>");
  });

  test("leaves a body without pictures as it is", () => {
    const html = '<p id="p-1">Nothing to see: <code>&lt;source&gt;</code></p>';
    expect(withOnePicturePerFigure(html)).toBe(html);
  });
});
