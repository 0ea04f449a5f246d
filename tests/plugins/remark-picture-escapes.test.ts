import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { drawPicture } from "../../src/cli/synthetic-pictures";
import { renderStory } from "../support/markdown";
import { useTempDir } from "../support/temp-dir";

const folder = useTempDir("picture-escapes");

describe("a picture whose path has a % escape that stands for no character", () => {
  test.each([
    ["written inline", "One.\n\n![A crowd](./caf%E0.jpg)\n", 3],
    ["taken from a definition", "One.\n\n![A crowd][crowd]\n\n[crowd]: ./caf%zz.jpg\n", 5],
  ])(
    "%s: is one error at its line, and the rest of the article still renders",
    async (_, markdown, line) => {
      const { html, messages } = await renderStory(folder(), `${markdown}\nTwo.\n`);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ fatal: true, line, source: "remark-picture-escapes" });
      expect(messages[0]!.reason).toMatch(
        /^the picture `\.\/caf%\w\w\.jpg` has a `%` that stands for no character/,
      );
      expect(html).toContain("Two.");
    },
  );

  test("but a picture written with %25 or %20 is the file of that name", async () => {
    await drawPicture(join(folder(), "caf%E0 1.jpg"), 64, 36);
    const { messages } = await renderStory(folder(), "One.\n\n![A crowd](./caf%25E0%201.jpg)\n");
    expect(messages).toEqual([]);
  });

  test("and a link's definition is none of its business", async () => {
    const { messages } = await renderStory(
      folder(),
      "See [the notes][notes].\n\n[notes]: ./notes%E0.html\n",
    );
    expect(messages.filter(({ source }) => source === "remark-picture-escapes")).toEqual([]);
  });
});
