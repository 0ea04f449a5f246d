import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dataStoreFilePlugin } from "../../src/content/data-store-from-file";

const storeId = "\0astro:data-layer-content";
let dir: string;
let storeFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "broadsheet-store-"));
  storeFile = join(dir, "data-store.json");
  await writeFile(storeFile, JSON.stringify([["Map", 1, 2], "articles", ["Map"]]));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("dataStoreFilePlugin", () => {
  test("replaces the inlined store with code that reads the same value from its file", async () => {
    const inlined = `export default JSON.parse(${JSON.stringify(JSON.stringify([["Map", 1, 2], "articles", ["Map"]]))})`;
    const result = dataStoreFilePlugin(storeFile).transform(inlined, storeId);
    expect(result?.code).toContain("readFileSync");
    const moduleFile = join(dir, "store.mjs");
    await writeFile(moduleFile, result!.code);
    const { default: fromFile } = await import(moduleFile);
    const { default: fromLiteral } = await import(
      `data:text/javascript,${encodeURIComponent(inlined)}`
    );
    expect(fromFile).toEqual(fromLiteral);
  });

  test("leaves every other module alone", () => {
    expect(
      dataStoreFilePlugin(storeFile).transform('export default JSON.parse("[]")', "/src/x.ts"),
    ).toBeUndefined();
  });

  test("leaves the store alone when Astro writes it in another form, or its file is missing", () => {
    expect(
      dataStoreFilePlugin(storeFile).transform("export default new Map()", storeId),
    ).toBeUndefined();
    expect(
      dataStoreFilePlugin(join(dir, "missing.json")).transform(
        'export default JSON.parse("[]")',
        storeId,
      ),
    ).toBeUndefined();
  });
});
