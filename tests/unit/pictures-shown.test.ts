import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { picturesShown } from "../../src/publisher/archive";
import { useTempDir } from "../support/temp-dir";

const folder = useTempDir("pictures-shown");

beforeEach(async () => {
  await mkdir(join(folder(), "2016/pictures"), { recursive: true });
  await mkdir(join(folder(), "images"), { recursive: true });
  for (const file of [
    "2016/lead.jpg",
    "2016/the crowd.jpg",
    "2016/pictures/table.png",
    "2016/my street.webp",
    "images/shared map.png",
  ]) {
    await writeFile(join(folder(), file), "");
  }
});

describe("picturesShown", () => {
  test("finds every picture an article names, spaces and all, and only files that are there", async () => {
    const text = [
      "---",
      "image:",
      "  src: ./lead.jpg",
      "  alt: The lead",
      "feature_image: ./my street.webp",
      "---",
      '![A crowd](<./the crowd.jpg> "The crowd | Jane Doe")',
      "",
      "![A table](pictures/table.png)",
      "",
      '![A map]("../images/shared map.png")',
      "",
      "![Gone](./gone.jpg) and ![Remote](https://example.org/remote.jpg)",
      "",
      "The word photo.jpg in a sentence names no file here.",
    ].join("\n");
    expect(await picturesShown(folder(), "2016/story.md", text)).toEqual([
      "2016/lead.jpg",
      "2016/my street.webp",
      "2016/pictures/table.png",
      "2016/the crowd.jpg",
      "images/shared map.png",
    ]);
  });

  test("reads a path written with %20 for its spaces", async () => {
    expect(await picturesShown(folder(), "2016/story.md", "![A crowd](./the%20crowd.jpg)")).toEqual(
      ["2016/the crowd.jpg"],
    );
  });
});
