import { rm } from "node:fs/promises";
import type { CheerioAPI } from "cheerio";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildSite, type BuildResult } from "../support/build";
import { loadPage } from "../support/html";

const sections = [
  { id: "update", text: "Update" },
  { id: "update-1", text: "Update" },
  { id: "section", text: "***" },
  { id: "main-1", text: "Main" },
  { id: "toc-heading-1", text: "TOC Heading" },
  { id: "россия-и-сирия", text: "Россия и Сирия" },
  { id: "η-ελλάδα", text: "Η Ελλάδα" },
  { id: "普京与奥巴马会谈", text: "普京与奥巴马会谈" },
  { id: "assads-future", text: "Assad’s Future, Reworded" },
];

let build: BuildResult;
let $: CheerioAPI;
beforeAll(async () => {
  build = await buildSite({ CONTENT_DIR: "tests/fixtures/articles/headings" });
  expect(build.exitCode, build.output).toBe(0);
  $ = await loadPage(build.outDir, "articles/2024-03-02/sections-of-every-kind/index.html");
});
afterAll(() => rm(build.workDir, { recursive: true, force: true }));

test("gives duplicates -1, no-letter headings a fallback, other scripts readable ids, and pins their id", () => {
  const headings = $(".article-body h2")
    .map((_, h2) => ({ id: $(h2).attr("id"), text: $(h2).text() }))
    .get();
  expect(headings).toEqual(sections);
});

test("links each section from the table of contents and from its own link, by the same id", () => {
  const toc = $('nav[aria-labelledby="toc-heading"] a')
    .map((_, a) => ({ id: decodeURIComponent($(a).attr("href")!.slice(1)), text: $(a).text() }))
    .get();
  expect(toc).toEqual(sections);
  for (const { id } of sections) {
    expect($(`a.section-link[href="#${id}"]`), id).toHaveLength(1);
  }
});

test("never gives a heading an id of the page's own, and no id twice", () => {
  expect($("#main").prop("tagName")).toBe("MAIN");
  expect($("#toc-heading").closest("nav.toc")).toHaveLength(1);
  const ids = $("[id]")
    .map((_, element) => $(element).attr("id"))
    .get();
  expect(new Set(ids).size).toBe(ids.length);
});

test("keeps old links landing on a section through its former ids", () => {
  expect($("#assads-fate").closest("h2").attr("id")).toBe("assads-future");
  expect($("#the-future").closest("h2").attr("id")).toBe("assads-future");
  expect($("#second-update").closest("h2").attr("id")).toBe("update-1");
  // The anchors are empty, so headings read and list as before.
  expect($("#assads-fate").text()).toBe("");
});
