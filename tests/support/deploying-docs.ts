import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { projectRoot } from "./build";

/** The fenced blocks of docs/deploying.md in `language` ("nginx", "sh"), as written there: the tests run what the page says. */
export async function deployingBlocks(language: string): Promise<string[]> {
  const deploying = await readFile(join(projectRoot, "docs/deploying.md"), "utf8");
  return [...deploying.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, "gm"))].map(
    (match) => match[1]!,
  );
}
