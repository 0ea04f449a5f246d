import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEBIAN_W3M, ensureW3m, findW3m, w3mCandidates } from "../../src/cli/install-w3m";

let emptyDir: string;
beforeAll(async () => {
  emptyDir = await mkdtemp(join(tmpdir(), "broadsheet-no-w3m-"));
});
afterAll(() => rm(emptyDir, { recursive: true, force: true }));

describe("install-w3m", () => {
  test("looks at W3M_PATH first, then Debian's w3m", () => {
    expect(w3mCandidates({ W3M_PATH: "/opt/w3m/bin/w3m" })).toEqual([
      "/opt/w3m/bin/w3m",
      DEBIAN_W3M,
    ]);
    expect(w3mCandidates({ W3M_PATH: "" })).toEqual([DEBIAN_W3M]);
  });

  test("finds the first candidate that exists", () => {
    expect(findW3m([join(emptyDir, "w3m"), process.execPath])).toBe(process.execPath);
    expect(findW3m([join(emptyDir, "w3m")])).toBeUndefined();
  });

  test("installs nothing and says where w3m is when one is there", () => {
    const messages: string[] = [];
    const path = ensureW3m({
      candidates: () => [join(emptyDir, "w3m"), process.execPath],
      canUseApt: false,
      log: (message) => messages.push(message),
    });
    expect(path).toBe(process.execPath);
    expect(messages).toEqual([`Text-browser test: w3m found at ${process.execPath}.`]);
  });

  test("without apt-get, says clearly what to do", () => {
    const messages: string[] = [];
    const attempt = () =>
      ensureW3m({
        candidates: () => [join(emptyDir, "w3m")],
        canUseApt: false,
        log: (message) => messages.push(message),
      });
    expect(attempt).toThrow(
      "No w3m for the text-browser test, and none could be installed: apt-get was not used (it needs root and apt-get). " +
        "Install Debian's w3m package (sudo apt-get install w3m), or set W3M_PATH to the path of the w3m executable, then run npm test again.",
    );
    expect(messages).toEqual(["Text-browser test: no w3m found."]);
  });
});
