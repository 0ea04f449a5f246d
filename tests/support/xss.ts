import { readFile } from "node:fs/promises";
import * as cheerio from "cheerio";
import { PAGE_IDS } from "../../src/lib/page-ids";

/** The XSS payloads, one Markdown snippet a line (`\n` stands for a line break). */
export async function xssPayloads(): Promise<string[]> {
  const text = await readFile(new URL("../fixtures/xss-payloads.txt", import.meta.url), "utf8");
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => line.replaceAll("\\n", "\n"));
}

/** Elements that run code, load other documents, restyle the page or take over forms. */
const dangerousElements = [
  "script",
  "style",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "form",
  "base",
  "link",
  "meta",
  "template",
  "noscript",
  "button",
  "textarea",
  "select",
  "video",
  "audio",
  "marquee",
];
/** Attributes that hold a URL a browser may follow or load. */
const urlAttributes = [
  "href",
  "src",
  "action",
  "formaction",
  "xlink:href",
  "srcset",
  "poster",
  "data",
  "background",
  "cite",
  "longdesc",
  "dynsrc",
  "lowsrc",
  "content",
];

/** The ids of the page around an article, which nothing in the article may have. */
const chromeIds: readonly string[] = [PAGE_IDS.main, PAGE_IDS.tocHeading, PAGE_IDS.relatedHeading];

/**
 * Everything in a fragment of HTML that could run script or reach outside
 * the article, described, so a test can show what got through. Written
 * from what browsers do, not from the sanitiser's allowlist, so it checks
 * that allowlist rather than repeating it. `inArticle` also counts the ids
 * of the page around the article as unsafe.
 */
export function unsafeParts(html: string, { inArticle = false } = {}): string[] {
  const $ = cheerio.load(html, null, false);
  const found: string[] = [];
  for (const element of $(dangerousElements.join(", ")).toArray()) {
    if ("tagName" in element) found.push(`<${element.tagName}>`);
  }
  for (const element of $("*").toArray()) {
    if (!("attribs" in element)) continue;
    const tag = element.tagName;
    for (const [name, value] of Object.entries(element.attribs)) {
      const lower = name.toLowerCase();
      if (lower.startsWith("on")) found.push(`${lower} on <${tag}>`);
      if (lower === "style") found.push(`style on <${tag}>`);
      if (lower === "name") found.push(`name on <${tag}>`);
      if (lower === "id" && inArticle && chromeIds.includes(value)) {
        found.push(`id="${value}" on <${tag}>`);
      }
      // Browsers skip white space and control characters in a URL's scheme.
      const scheme = value.replace(/\p{Cc}|\s/gu, "").toLowerCase();
      if (urlAttributes.includes(lower) && /^(javascript|vbscript|data):/.test(scheme)) {
        found.push(`${lower}="${value}" on <${tag}>`);
      }
    }
  }
  return found;
}
