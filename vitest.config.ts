import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // One real `astro build` of the site, shared by every build test.
    globalSetup: ["tests/support/global-build.ts"],
    // A real build takes seconds on a 2-core machine, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
