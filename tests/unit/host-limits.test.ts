import { expect, test } from "vitest";
import { describeSize, hostWarnings } from "../../src/lib/host-limits";

test("describes a site's size in files and decimal megabytes or gigabytes", () => {
  expect(describeSize({ files: 22, bytes: 412_345 })).toBe("22 files, 0.41 MB");
  expect(describeSize({ files: 3_412, bytes: 48_210_000 })).toBe("3,412 files, 48.2 MB");
  expect(describeSize({ files: 402_118, bytes: 4_160_000_000 })).toBe("402,118 files, 4.16 GB");
});

test("warns of no host for a site within every limit, up to the limits themselves", () => {
  expect(hostWarnings({ files: 20_000, bytes: 10 ** 9 })).toEqual([]);
});

test("warns of GitHub Pages past 1 GB", () => {
  expect(hostWarnings({ files: 100, bytes: 10 ** 9 + 1 })).toEqual([
    "The site is too big for GitHub Pages, which publishes sites of at most 1 GB: " +
      "100 files, 1.00 GB (see docs/deploying.md).",
  ]);
});

test("warns of Cloudflare Pages' free plan past 20,000 files, and of every plan past 100,000", () => {
  expect(hostWarnings({ files: 20_001, bytes: 10 ** 8 })).toEqual([
    "The site is too big for Cloudflare Pages, which takes at most 20,000 files a site on its free plan " +
      "(100,000 on paid plans): 20,001 files, 100.0 MB (see docs/deploying.md).",
  ]);
  expect(hostWarnings({ files: 402_118, bytes: 4_160_000_000 })).toEqual([
    "The site is too big for GitHub Pages, which publishes sites of at most 1 GB: " +
      "402,118 files, 4.16 GB (see docs/deploying.md).",
    "The site is too big for Cloudflare Pages, which takes at most 100,000 files a site on any plan: " +
      "402,118 files, 4.16 GB (see docs/deploying.md).",
  ]);
});
