import { describe, expect, test } from "vitest";
import { RouteLogFilter } from "../../src/publisher/route-log";

/** What `astro build` printed for the G-20 site, four routes at a time. */
const garbled = [
  "06:15:40 [build] Rearranging server assets...",
  "",
  " generating static routes ",
  "06:15:42   ├─ /404.html06:15:42   ├─ /articles/2015-11-15/putin/card.png06:15:42   ├─ /articles/2015-11-15/putin/index.html06:15:42   ├─ /card.png (+34ms) ",
  "06:15:42   ├─ /robots.txt (+3ms) ",
  "06:15:42   ├─ /rss.xml (+81ms) ",
  "06:15:42   └─ /index.html (+49ms) ",
  " (+6ms) ",
  " (+91ms) ",
  " (+92ms) ",
  "06:15:42 ✓ Completed in 2.04s.",
  "",
  "06:15:42 [build] ✓ Completed in 2.72s.",
  "",
].join("\n");

const tidy = [
  "06:15:40 [build] Rearranging server assets...",
  "",
  " generating static routes ",
  "06:15:42   7 routes generated",
  "06:15:42 ✓ Completed in 2.04s.",
  "",
  "06:15:42 [build] ✓ Completed in 2.72s.",
  "",
].join("\n");

function filterAll(chunks: readonly string[]): { text: string; routes: number } {
  const filter = new RouteLogFilter();
  const text = chunks.map((chunk) => filter.write(chunk)).join("") + filter.end();
  return { text, routes: filter.routes };
}

describe("RouteLogFilter", () => {
  test("makes the garbled block of routes one line with their number", () => {
    expect(filterAll([garbled])).toEqual({ text: tidy, routes: 7 });
  });

  test("gives the same text however the log is cut into chunks", () => {
    const chunks = garbled.match(/[\s\S]{1,7}/g)!;
    expect(filterAll(chunks).text).toBe(tidy);
  });

  test("keeps a warning written in the middle of the block, and everything outside it", () => {
    const log = garbled.replace(
      " (+6ms) ",
      " (+6ms) \n06:15:42 [WARN] [articles] content/articles/x.md:14: removed onerror",
    );
    expect(filterAll([log]).text).toBe(
      tidy.replace(
        "06:15:42   7 routes",
        "06:15:42 [WARN] [articles] content/articles/x.md:14: removed onerror\n06:15:42   7 routes",
      ),
    );
  });

  test("keeps Astro's colours outside the block", () => {
    const coloured = "\u001b[33m06:15:38 [WARN] SITE_URL is not set\u001b[39m\n";
    expect(filterAll([coloured]).text).toBe(coloured);
  });

  test("passes a log without the block through untouched, its last line too", () => {
    expect(filterAll(["a\nb", "\nc"]).text).toBe("a\nb\nc\n");
  });
});
