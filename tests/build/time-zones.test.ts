import { rm } from "node:fs/promises";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { buildSite, type BuildResult } from "../support/build";
import { loadPage } from "../support/html";

const articlePage =
  "articles/2015-11-15/putin-goes-from-g-20-pariah-to-player-at-obama-turkey-talk/index.html";

let tokyo: BuildResult;
beforeAll(async () => {
  tokyo = await buildSite({ TZ: "Asia/Tokyo" });
});
afterAll(() => rm(tokyo.workDir, { recursive: true, force: true }));

async function timesIn(distDir: string, page: string): Promise<string[]> {
  const $ = await loadPage(distDir, page);
  return $("time")
    .map((_, time) => `${$(time).attr("datetime")} ${$(time).text()}`)
    .get();
}

test("a build in Tokyo prints the same dates as one in Los Angeles", async () => {
  expect(tokyo.exitCode, tokyo.output).toBe(0);
  for (const page of [articlePage, "index.html"]) {
    const losAngeles = await timesIn(inject("distDir"), page);
    expect(losAngeles.length).toBeGreaterThan(0);
    expect(await timesIn(tokyo.outDir, page)).toEqual(losAngeles);
  }
});
