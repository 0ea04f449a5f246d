import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { BUILD_SCOPE_VARIABLE, type BuildScope } from "../../src/lib/job-scope";

// The module keeps the scope it read, so each test imports it afresh.
let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "broadsheet-scope-"));
  vi.resetModules();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

test("a process started ahead of its scope waits for the file, then reads it", async () => {
  const file = join(dir, "site.scope.json");
  vi.stubEnv(BUILD_SCOPE_VARIABLE, file);
  const { jobScopeWhenWritten } = await import("../../src/content/current-job");
  let read: BuildScope | null | undefined;
  const waiting = jobScopeWhenWritten().then((scope) => (read = scope));
  await sleep(200);
  expect(read).toBeUndefined();
  const scope: BuildScope = { pages: "site", made: ["index"], index: join(dir, "site.index.json") };
  // As the publisher writes it: whole, under its name at once.
  await writeFile(`${file}.draft`, JSON.stringify(scope));
  await rename(`${file}.draft`, file);
  await waiting;
  expect(read).toEqual(scope);
});

test("a build without a scope (the whole site) does not wait", async () => {
  vi.stubEnv(BUILD_SCOPE_VARIABLE, "");
  const { jobScopeWhenWritten } = await import("../../src/content/current-job");
  expect(await jobScopeWhenWritten()).toBeNull();
});
