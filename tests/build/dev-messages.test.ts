import { stripVTControlCharacters } from "node:util";
import { spawn, type ChildProcess } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { makeWorkDir, projectRoot } from "../support/build";

const good = join(projectRoot, "tests/fixtures/bad-articles/unknown-key/article.md");

/** A port nothing listens on, on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((found) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => found(port));
    });
  });
}

/** A running `astro dev` on a content folder, with everything it has printed. */
interface Dev {
  child: ChildProcess;
  output: () => string;
  /** Resolves when the output has `text`, or rejects after `ms`. */
  waitFor: (text: string, ms?: number) => Promise<void>;
  exited: Promise<number | null>;
}

const started: { dev: Dev; workDir: string }[] = [];

async function startDev(contentDir: string): Promise<Dev> {
  const workDir = await makeWorkDir();
  const astro = join(projectRoot, "node_modules/astro/bin/astro.mjs");
  const port = String(await freePort());
  const child = spawn(
    process.execPath,
    [astro, "dev", "--root", projectRoot, "--port", port, "--host", "127.0.0.1", "--force"],
    {
      cwd: workDir,
      env: { ...process.env, CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: join(workDir, "cache") },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const listeners = new Set<() => void>();
  const read = (chunk: Buffer) => {
    // Plain text: under CI=true Astro colours its log.
    output += stripVTControlCharacters(String(chunk));
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", read);
  child.stderr!.on("data", read);
  const exited = new Promise<number | null>((done) => child.on("close", done));
  const waitFor = (text: string, ms = 30_000) =>
    new Promise<void>((found, fail) => {
      const check = () => {
        if (!output.includes(text)) return;
        listeners.delete(check);
        clearTimeout(timer);
        found();
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        fail(new Error(`no “${text}” in:\n${output}`));
      }, ms);
      listeners.add(check);
      check();
    });
  const dev = { child, output: () => output, waitFor, exited };
  started.push({ dev, workDir });
  return dev;
}

/**
 * Saves a file until the dev server says `text`: a save that follows another
 * closely can reach the watcher as one change, so it is saved again.
 */
async function save(dev: Dev, file: string, text: string, said: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await writeFile(file, text + "\n".repeat(attempt - 1));
    try {
      return await dev.waitFor(said, 5_000);
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
}

afterEach(async () => {
  for (const { dev, workDir } of started.splice(0)) {
    if (dev.child.exitCode === null && dev.child.signalCode === null) dev.child.kill("SIGTERM");
    await dev.exited;
    await rm(workDir, { recursive: true, force: true });
  }
});

describe("npm run dev", () => {
  test("prints the same line as a build when a saved article has a mistake", async () => {
    const contentDir = await mkdtemp(join(tmpdir(), "broadsheet-dev-"));
    try {
      const file = join(contentDir, "article.md");
      const text = (await readFile(good, "utf8")).replace("hedline:", "headline:");
      await writeFile(file, text);
      const dev = await startDev(contentDir);
      await dev.waitFor("watching for file changes");

      await save(dev, file, text.replace("headline:", "hedline:"), "is not a field");
      expect(dev.output()).toContain(
        `${file}: \`hedline\` is not a field — did you mean \`headline\`?`,
      );

      await save(dev, file, text.replace("## The Talks", "## The Talks {#main}"), "pins the id");
      expect(dev.output()).toContain(
        `${file}:13: the heading “The Talks” pins the id \`main\`, which the page itself uses: pick another`,
      );
      expect(dev.output()).not.toMatch(/Stack trace|^\s+at /m);
    } finally {
      await rm(contentDir, { recursive: true, force: true });
    }
  });

  test("stops at start with the same lines as a build", async () => {
    const contentDir = await mkdtemp(join(tmpdir(), "broadsheet-dev-"));
    try {
      await copyFile(good, join(contentDir, "article.md"));
      const dev = await startDev(contentDir);
      expect(await dev.exited).toBe(1);
      expect(dev.output()).toContain(
        `${join(contentDir, "article.md")}: \`hedline\` is not a field — did you mean \`headline\`?`,
      );
      expect(dev.output()).not.toMatch(/Stack trace|^\s+at /m);
    } finally {
      await rm(contentDir, { recursive: true, force: true });
    }
  });
});
