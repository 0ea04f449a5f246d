import { defineConfig } from "vitest/config";

/** The shared builds every build and browser test file reads (`inject("distDir")`, …). */
const sharedBuilds = ["tests/support/global-build.ts"];

export default defineConfig({
  test: {
    // Two test files at a time, whatever the machine: Vitest's default on
    // 2 cores is one, and a build or browser test file spends most of its
    // time waiting on its Astro processes or Chromium, so one at a time left
    // a core idle (the suite took 27.8 minutes that way).
    maxWorkers: 2,
    projects: [
      {
        // Pure code, and the plugins in a real unified pipeline: no build, no
        // child process, no socket, no install.
        test: {
          name: "unit",
          include: ["tests/{unit,plugins}/**/*.test.ts"],
          // One process a worker, its modules shared by the test files it
          // runs: importing unified, cheerio, satori and sharp afresh for each
          // file was most of the tier's time (44 s against 8 s, medians of 3 on
          // a loaded 2-core machine). Sharing is safe while no unit test mocks
          // a module, and the one that sets TZ puts it back. Processes, not
          // worker threads (5 s): in a thread, setting process.env.TZ changes
          // no date, so the dates test would pass without trying any zone.
          pool: "forks",
          isolate: false,
          // Its tests take milliseconds alone, but they run beside build and
          // browser files: at a load average of 20, drawing a card in a worker
          // thread took 6.8 s.
          testTimeout: 30_000,
        },
      },
      {
        // What touches the machine: child processes (Playwright's installer),
        // servers on 127.0.0.1. No build.
        test: {
          name: "system",
          include: ["tests/system/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        // Real `astro build`s, read with a parser. A build takes seconds on a
        // 2-core machine, not milliseconds.
        test: {
          name: "build",
          include: ["tests/build/**/*.test.ts"],
          globalSetup: sharedBuilds,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The built site served from 127.0.0.1 and driven in Chromium.
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          // Once in a CI run of 700 tests, one page load in Chromium stalled for
          // a minute and passed on every run after; a failed test gets a second
          // try, its assertions unchanged, and Vitest reports it as retried.
          retry: 1,
          globalSetup: sharedBuilds,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
