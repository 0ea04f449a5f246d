import { describe, expect, test } from "vitest";
import {
  DEFAULT_SITE_URL,
  DeploymentSettingError,
  parseBasePath,
  parseSiteUrl,
  resolveDeployment,
} from "../../src/publishing/deployment";
import { deploymentNotice } from "../../src/publishing/deployment-notice";

describe("resolveDeployment", () => {
  test("defaults to the local preview server at the root when nothing is set", () => {
    expect(resolveDeployment({})).toEqual({
      site: DEFAULT_SITE_URL,
      base: "/",
      siteIsDefault: true,
    });
    expect(DEFAULT_SITE_URL).toBe("http://localhost:4321");
  });

  test("treats empty settings as unset, as CI systems pass them", () => {
    expect(resolveDeployment({ SITE_URL: "", BASE_PATH: " " })).toEqual(resolveDeployment({}));
  });

  test("reads SITE_URL and BASE_PATH", () => {
    expect(
      resolveDeployment({ SITE_URL: "https://news.example.org", BASE_PATH: "/reader/" }),
    ).toEqual({ site: "https://news.example.org", base: "/reader/", siteIsDefault: false });
  });
});

describe("parseSiteUrl", () => {
  test("accepts an http(s) origin, with or without its trailing slash", () => {
    expect(parseSiteUrl("https://news.example.org")).toBe("https://news.example.org");
    expect(parseSiteUrl("https://news.example.org/")).toBe("https://news.example.org");
    expect(parseSiteUrl("http://localhost:8080")).toBe("http://localhost:8080");
    expect(parseSiteUrl("HTTPS://News.Example.ORG")).toBe("https://news.example.org");
  });

  test.each([
    ["news.example.org", "not an absolute URL"],
    ["/reader/", "not an absolute URL"],
    ["ftp://news.example.org", "scheme must be http or https"],
    ["javascript:alert(1)", "scheme must be http or https"],
    ["https://user:secret@news.example.org", "user name or password"],
    ["https://news.example.org/reader/", "Put a subpath such as /reader/ in BASE_PATH"],
    ["https://news.example.org/?x=1", "no path, query or fragment"],
    ["https://news.example.org/#top", "no path, query or fragment"],
    ["https://news.example.org/?", "no path, query or fragment"],
  ])("rejects %s, saying why (%s)", (value, reason) => {
    expect(() => parseSiteUrl(value)).toThrow(DeploymentSettingError);
    expect(() => parseSiteUrl(value)).toThrow(reason);
    expect(() => parseSiteUrl(value)).toThrow(`SITE_URL must be an absolute http(s) origin`);
  });
});

describe("parseBasePath", () => {
  test.each([
    ["/", "/"],
    ["", "/"],
    ["/reader/", "/reader/"],
    ["/reader", "/reader/"],
    ["reader", "/reader/"],
    ["reader/", "/reader/"],
    ["/news/reader/", "/news/reader/"],
    ["/my.repo_name-2~x/", "/my.repo_name-2~x/"],
  ])("writes %j as %j", (value, base) => {
    expect(parseBasePath(value)).toBe(base);
  });

  test.each([
    ["/news//reader/", "a doubled slash"],
    ["/../etc/", 'the segment ".."'],
    ["/./", 'the segment "."'],
    ["/read er/", 'the segment "read er"'],
    ["/reader?x=1", 'the segment "reader?x=1"'],
    ["/reader#top", 'the segment "reader#top"'],
    ["/caf%C3%A9/", 'the segment "caf%C3%A9"'],
    ["https://news.example.org/reader/", 'the segment "https:"'],
  ])("rejects %j with a message naming %s", (value, what) => {
    expect(() => parseBasePath(value)).toThrow(DeploymentSettingError);
    expect(() => parseBasePath(value)).toThrow(`BASE_PATH must be a path such as /reader/`);
    expect(() => parseBasePath(value)).toThrow(what);
  });
});

describe("deploymentNotice", () => {
  /** What the integration logs when a command starts, as "level: message". */
  function logged(env: Record<string, string>, command: "build" | "dev"): string[] {
    const lines: string[] = [];
    const logger = {
      info: (message: string) => lines.push(`info: ${message}`),
      warn: (message: string) => lines.push(`warn: ${message}`),
    };
    const setup = deploymentNotice(resolveDeployment(env)).hooks["astro:config:setup"];
    // Only the parts of the hook's argument the integration reads.
    void setup?.({ command, logger } as unknown as Parameters<NonNullable<typeof setup>>[0]);
    return lines;
  }

  test("warns when a build has no SITE_URL, naming where its URLs will point", () => {
    const [line] = logged({}, "build");
    expect(line).toMatch(/^warn: SITE_URL is not set/);
    expect(line).toContain("http://localhost:4321/");
  });

  test("says where a build is for when SITE_URL is set", () => {
    expect(
      logged({ SITE_URL: "https://news.example.org", BASE_PATH: "/reader/" }, "build"),
    ).toEqual(["info: Building for https://news.example.org/reader/"]);
  });

  test("stays quiet in the development server", () => {
    expect(logged({}, "dev")).toEqual([]);
  });
});
