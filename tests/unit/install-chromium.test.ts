import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  chromiumCandidates,
  DEBIAN_CHROMIUM,
  ensureChromium,
  findChromium,
} from "../../src/cli/install-chromium";

let emptyDir: string;
beforeAll(async () => {
  emptyDir = await mkdtemp(join(tmpdir(), "broadsheet-no-chromium-"));
});
afterAll(() => rm(emptyDir, { recursive: true, force: true }));

describe("install-chromium", () => {
  test("looks at CHROMIUM_PATH first, then Debian's Chromium", () => {
    const candidates = chromiumCandidates({ CHROMIUM_PATH: "/opt/chrome/chrome" });
    expect(candidates.slice(0, 2)).toEqual(["/opt/chrome/chrome", DEBIAN_CHROMIUM]);
    expect(chromiumCandidates({})[0]).toBe(DEBIAN_CHROMIUM);
  });

  test("finds the first candidate that exists", () => {
    expect(findChromium([join(emptyDir, "chromium"), process.execPath])).toBe(process.execPath);
    expect(findChromium([join(emptyDir, "chromium")])).toBeUndefined();
  });

  test("installs nothing and says where the browser is when one is there", () => {
    const messages: string[] = [];
    const path = ensureChromium({
      candidates: () => [join(emptyDir, "chromium"), process.execPath],
      canUseApt: false,
      log: (message) => messages.push(message),
    });
    expect(path).toBe(process.execPath);
    expect(messages).toEqual([`Browser tests: Chromium found at ${process.execPath}.`]);
  });
});
