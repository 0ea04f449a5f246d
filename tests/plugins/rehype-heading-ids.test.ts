import rehypeRaw from "rehype-raw";
import rehypeStringify from "rehype-stringify";
import { remark } from "remark";
import remarkRehype from "remark-rehype";
import { describe, expect, test } from "vitest";
import { isPageId } from "../../src/lib/page-ids";
import rehypeSlug from "rehype-slug";
import rehypeHeadingIds, { type Options } from "../../src/markdown/plugins/rehype-heading-ids";
import rehypeHeadingPins from "../../src/markdown/plugins/rehype-heading-pins";

async function render(markdown: string, options?: Options) {
  const file = await remark()
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeHeadingPins, options)
    .use(rehypeSlug)
    .use(rehypeHeadingIds, options)
    .use(rehypeStringify)
    .process(markdown);
  const messages = file.messages.map(({ reason, fatal, line }) => ({ reason, fatal, line }));
  return { html: String(file), messages };
}

async function ids(markdown: string, options?: Options): Promise<string[]> {
  const { html } = await render(markdown, options);
  return [...html.matchAll(/ id="([^"]*)"/g)].map((match) => match[1]!);
}

describe("heading ids: rehypeHeadingPins, rehype-slug, rehypeHeadingIds", () => {
  test("makes ids from headings' text, as GitHub does", async () => {
    expect((await render("## Assad’s Future")).html).toBe(
      '<h2 id="assads-future">Assad’s Future</h2>',
    );
  });

  test("gives duplicate headings -1, -2, …", async () => {
    expect(await ids("## Update\n\n## Update\n\n### Update")).toEqual([
      "update",
      "update-1",
      "update-2",
    ]);
  });

  test("never gives a heading an id that a generated one already took", async () => {
    expect(await ids("## Update 1\n\n## Update\n\n## Update")).toEqual([
      "update-1",
      "update",
      "update-2",
    ]);
  });

  test("falls back to `section` for headings with no letters or digits", async () => {
    expect(await ids("## ***\n\n## —\n\n## 🇺🇸 🇷🇺")).toEqual(["section", "section-1", "section-2"]);
  });

  test("keeps readable ids for Cyrillic, Greek and CJK headings", async () => {
    expect(await ids("## Россия и Сирия\n\n## Η Ελλάδα\n\n## 普京与奥巴马会谈")).toEqual([
      "россия-и-сирия",
      "η-ελλάδα",
      "普京与奥巴马会谈",
    ]);
  });

  test("never takes an id the page itself uses, nor renames another heading to avoid one", async () => {
    // The second "Main" keeps the main-1 rehype-slug gave it; the first,
    // which may not be `main`, takes the next free number.
    expect(
      await ids("## Main\n\n## TOC Heading\n\n## P 1\n\n## Main", { isReserved: isPageId }),
    ).toEqual(["main-2", "toc-heading-1", "p-1-1", "main-1"]);
  });

  test("never takes the corrections record's ids, which a heading may read like", async () => {
    expect(
      await ids("## Corrections\n\n## Correction 2016-03-02", { isReserved: isPageId }),
    ).toEqual(["corrections-1", "correction-2016-03-02-1"]);
  });

  test("remakes an id that starts or ends with _ or -, so no heading is named __proto__", async () => {
    expect(await ids("## __proto__\n\n## -constructor-")).toEqual(["proto", "constructor"]);
  });

  test("takes a pinned id and removes the marker from the text", async () => {
    const { html, messages } = await render("## Assad’s Fate {#assads-future}");
    expect(html).toBe('<h2 id="assads-future">Assad’s Fate</h2>');
    expect(messages).toEqual([]);
  });

  test("finds the marker after emphasis, and in headings written as HTML", async () => {
    expect((await render("## *Assad’s Fate* {#assads-future}")).html).toBe(
      '<h2 id="assads-future"><em>Assad’s Fate</em></h2>',
    );
    expect((await render("## The *Fate {#fate}*")).html).toBe(
      '<h2 id="fate">The <em>Fate</em></h2>',
    );
    expect((await render("<h2>Raw {#raw-pin}</h2>")).html).toBe('<h2 id="raw-pin">Raw</h2>');
  });

  test("keeps pins in every script", async () => {
    expect(await ids("## Сирия {#сирия-2015}")).toEqual(["сирия-2015"]);
  });

  test("lets a pin win over an earlier heading's generated id", async () => {
    expect(await ids("## Higher Stakes\n\n## New Title {#higher-stakes}")).toEqual([
      "higher-stakes-1",
      "higher-stakes",
    ]);
  });

  test("leaves the syntax alone inside code", async () => {
    expect((await render("## Pin with `{#id}`")).html).toBe(
      '<h2 id="pin-with-id">Pin with <code>{#id}</code></h2>',
    );
  });

  test("reports a pin that is not an id as fatal, and gives the heading a generated id", async () => {
    const { html, messages } = await render("Intro.\n\n## Assad’s Fate {#assads future}");
    expect(html).toContain('<h2 id="assads-fate">Assad’s Fate</h2>');
    expect(messages).toEqual([
      {
        reason:
          "the heading “Assad’s Fate” pins the id “assads future”, which is not an id: use letters, digits and single hyphens, as in {#assads-future}",
        fatal: true,
        line: 3,
      },
    ]);
  });

  test("reports a pin of a page id, and a pin taken twice, as fatal", async () => {
    const { messages } = await render("## One {#main}\n\n## Two {#x}\n\n## Three {#x}", {
      isReserved: isPageId,
    });
    expect(messages).toEqual([
      {
        reason: "the heading “One” pins the id `main`, which the page itself uses: pick another",
        fatal: true,
        line: 1,
      },
      {
        reason: "the heading “Three” pins the id `x`, which another heading pins too",
        fatal: true,
        line: 5,
      },
    ]);
  });

  test("keeps one document's ids apart from the next one's", async () => {
    const processor = remark()
      .use(remarkRehype)
      .use(rehypeSlug)
      .use(rehypeHeadingIds)
      .use(rehypeStringify);
    expect(String(await processor.process("## A"))).toBe('<h2 id="a">A</h2>');
    expect(String(await processor.process("## A"))).toBe('<h2 id="a">A</h2>');
  });
});
