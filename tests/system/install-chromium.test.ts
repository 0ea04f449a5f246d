import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensureChromium } from "../../src/cli/install-chromium";

let emptyDir: string;
beforeAll(async () => {
  emptyDir = await mkdtemp(join(tmpdir(), "broadsheet-no-chromium-"));
});
afterAll(() => rm(emptyDir, { recursive: true, force: true }));

// Runs Playwright's installer in a child process: the system tier, not the unit tier.
describe("install-chromium", () => {
  test("without apt-get, tries Playwright's download, and says clearly what to do when it fails", () => {
    const messages: string[] = [];
    const attempt = () =>
      ensureChromium({
        candidates: () => [join(emptyDir, "chromium")],
        canUseApt: false,
        // A closed port on this machine: the download fails at once, for real.
        env: {
          ...process.env,
          PLAYWRIGHT_BROWSERS_PATH: emptyDir,
          PLAYWRIGHT_DOWNLOAD_HOST: "http://127.0.0.1:9",
        },
        log: (message) => messages.push(message),
        commandOutput: "ignore",
      });
    expect(attempt).toThrow(
      /^No Chromium for the browser tests, and none could be installed: apt-get was not used \(it needs root and apt-get\); Playwright's download failed\. Install Debian's chromium package/,
    );
    expect(messages).toEqual([
      "Browser tests: no Chromium found.",
      "Browser tests: installing Playwright's own Chromium download…",
    ]);
  });
});
