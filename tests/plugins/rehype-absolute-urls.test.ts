import rehypeParse from "rehype-parse";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { describe, expect, test } from "vitest";
import rehypeAbsoluteUrls from "../../src/markdown/plugins/rehype-absolute-urls";

const base = "https://news.example.org/reader/articles/2015-11-15/putin/";

function render(html: string): string {
  return String(
    unified()
      .use(rehypeParse, { fragment: true })
      .use(rehypeAbsoluteUrls, { base })
      .use(rehypeStringify)
      .processSync(html),
  );
}

describe("rehypeAbsoluteUrls", () => {
  test("resolves root-relative, relative and fragment links against the page", () => {
    expect(
      render('<a href="/reader/">Home</a><a href="../x/">X</a><a href="#higher-stakes">H</a>'),
    ).toBe(
      '<a href="https://news.example.org/reader/">Home</a>' +
        '<a href="https://news.example.org/reader/articles/2015-11-15/x/">X</a>' +
        `<a href="${base}#higher-stakes">H</a>`,
    );
  });

  test("resolves image sources and every candidate of a srcset", () => {
    expect(render('<img src="a.png" srcset="a.png 1x, /b.png 2x" alt="">')).toBe(
      `<img src="${base}a.png" srcset="${base}a.png 1x, https://news.example.org/b.png 2x" alt="">`,
    );
  });

  test("keeps absolute URLs as they are", () => {
    expect(render('<a href="https://example.org/a?b=1#c">x</a>')).toBe(
      '<a href="https://example.org/a?b=1#c">x</a>',
    );
  });
});
