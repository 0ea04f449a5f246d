import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { describe, expect, inject, test } from "vitest";
import { htmlPages } from "../support/html";

const validator = new HtmlValidate({
  extends: ["html-validate:recommended", "html-validate:document"],
  rules: {
    // An SEO length hint (titles over 70 characters), not a validity rule: a
    // title is the editor's headline plus the site's name, and the W3C
    // checker has no such rule.
    "long-title": "off",
  },
});

/** Every problem html-validate finds in the build's pages, as "file:line:column rule message". */
async function problems(dir: string): Promise<{ files: number; errors: string[] }> {
  const files = await htmlPages(dir);
  const errors: string[] = [];
  for (const file of files) {
    const report = await validator.validateString(await readFile(join(dir, file), "utf8"), file);
    for (const result of report.results) {
      for (const message of result.messages) {
        errors.push(
          `${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}`,
        );
      }
    }
  }
  return { files: files.length, errors };
}

describe("html-validate", () => {
  test("finds no error in any page of the build for the site root", async () => {
    const { files, errors } = await problems(inject("distDir"));
    console.log(`html-validate, root build: ${files} files, ${errors.length} errors`);
    expect(files).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
  });

  test("finds no error in any page of the build for /reader/, 53 articles", async () => {
    const { files, errors } = await problems(inject("subpathDistDir"));
    console.log(`html-validate, /reader/ build: ${files} files, ${errors.length} errors`);
    expect(files).toBeGreaterThanOrEqual(55);
    expect(errors).toEqual([]);
  });

  test("reports an invalid page, so that its silence means something", async () => {
    const report = await validator.validateString(
      '<!doctype html><html lang="en"><head><title>x</title></head><body><p><div></div></p><img src="a.png"></body></html>',
    );
    expect(report.valid).toBe(false);
    expect(report.results[0]?.messages.map((message) => message.ruleId)).toContain("wcag/h37");
  });
});

describe("pictures", () => {
  /** The build's `<img>` tags with a `src`, and every one without, as "file: tag" (Astro's unresolved placeholder is one). */
  async function images(dir: string): Promise<{ withSource: number; without: string[] }> {
    let withSource = 0;
    const without: string[] = [];
    for (const file of await htmlPages(dir)) {
      const html = await readFile(join(dir, file), "utf8");
      for (const [tag] of html.matchAll(/<img\b[^>]*>/g)) {
        if (/\ssrc="[^"]+"/.test(tag)) withSource++;
        else without.push(`${file}: ${tag}`);
      }
      if (html.includes("__ASTRO_IMAGE_")) without.push(`${file}: Astro's image placeholder`);
    }
    return { withSource, without };
  }

  test("no page of either build ships an image without a source", async () => {
    expect((await images(inject("distDir"))).without).toEqual([]);
    const reader = await images(inject("subpathDistDir"));
    expect(reader.without).toEqual([]);
    // An article of the /reader/ build shows the site's card: the scan sees images.
    expect(reader.withSource).toBeGreaterThan(0);
  });
});
