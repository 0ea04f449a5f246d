import { describe, expect, test } from "vitest";
import { BUILT_IN_ENV_NAMES, buildEnv } from "../../src/publisher/build-env";

describe("buildEnv", () => {
  test("makes every build a production build, whatever NODE_ENV the caller runs under", () => {
    for (const NODE_ENV of [undefined, "test", "development"]) {
      expect(buildEnv({ NODE_ENV })["NODE_ENV"]).toBe("production");
    }
  });

  test("drops Vite's BASE_URL, which would take the place of BASE_PATH", () => {
    const env = buildEnv({ BASE_URL: "/elsewhere/", BASE_PATH: "/reader/" });
    expect(env).not.toHaveProperty("BASE_URL");
    expect(env["BASE_PATH"]).toBe("/reader/");
  });

  test("drops every variable named like one of import.meta.env's own values", () => {
    // As Vitest's workers have them: DEV=1 would publish drafts.
    const env = buildEnv({
      DEV: "1",
      PROD: "",
      SSR: "1",
      MODE: "test",
      SITE: "x",
      ASSETS_PREFIX: "y",
    });
    for (const name of BUILT_IN_ENV_NAMES) expect(env).not.toHaveProperty(name);
  });

  test("lets the caller's own settings win over its defaults", () => {
    expect(buildEnv({ UV_THREADPOOL_SIZE: "4" })["UV_THREADPOOL_SIZE"]).toBe("4");
  });
});
