import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { lock } from "../../src/content/one-sync-at-a-time";

/** Above Linux's largest process id (2^22): no process has it. */
const GONE_PID = 2 ** 22 + 1;

describe("the sync lock", () => {
  let dir = "";
  let path = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "broadsheet-lock-"));
    path = join(dir, ".astro", "sync.lock");
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  test("is held under this process's id until released, and nothing else is left", async () => {
    const release = await lock(path);
    expect(await readFile(path, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.${process.pid}`)).toBe(false);
  });

  test("makes the next taker wait until the holder releases it", async () => {
    const first = await lock(path);
    let taken = false;
    const second = lock(path).then((release) => ((taken = true), release));
    await sleep(300);
    expect(taken).toBe(false);
    first();
    (await second)();
    expect(taken).toBe(true);
  });

  test("is taken over from a process that died holding it", async () => {
    await lock(path).then((release) => release());
    await writeFile(path, String(GONE_PID));
    const release = await lock(path);
    expect(await readFile(path, "utf8")).toBe(String(process.pid));
    release();
  });

  test("a release does not remove a lock another process holds now", async () => {
    const release = await lock(path);
    await writeFile(path, "1");
    release();
    expect(await readFile(path, "utf8")).toBe("1");
  });
});
