import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEBIAN_NGINX, ensureNginx, findNginx, nginxCandidates } from "../../src/cli/install-nginx";

let emptyDir: string;
beforeAll(async () => {
  emptyDir = await mkdtemp(join(tmpdir(), "broadsheet-no-nginx-"));
});
afterAll(() => rm(emptyDir, { recursive: true, force: true }));

describe("install-nginx", () => {
  test("looks at NGINX_PATH first, then Debian's nginx", () => {
    expect(nginxCandidates({ NGINX_PATH: "/opt/nginx/sbin/nginx" })).toEqual([
      "/opt/nginx/sbin/nginx",
      DEBIAN_NGINX,
    ]);
    expect(nginxCandidates({})).toEqual([DEBIAN_NGINX]);
  });

  test("finds the first candidate that exists", () => {
    expect(findNginx([join(emptyDir, "nginx"), process.execPath])).toBe(process.execPath);
    expect(findNginx([join(emptyDir, "nginx")])).toBeUndefined();
  });

  test("installs nothing and says where nginx is when one is there", () => {
    const messages: string[] = [];
    const path = ensureNginx({
      candidates: () => [join(emptyDir, "nginx"), process.execPath],
      canUseApt: false,
      log: (message) => messages.push(message),
    });
    expect(path).toBe(process.execPath);
    expect(messages).toEqual([`Deploy test: nginx found at ${process.execPath}.`]);
  });

  test("without apt-get, says clearly what to do", () => {
    const messages: string[] = [];
    const attempt = () =>
      ensureNginx({
        candidates: () => [join(emptyDir, "nginx")],
        canUseApt: false,
        log: (message) => messages.push(message),
      });
    expect(attempt).toThrow(
      /^No nginx for the deploy test, and none could be installed: apt-get was not used \(it needs root and apt-get\)\. Install Debian's nginx package/,
    );
    expect(messages).toEqual(["Deploy test: no nginx found."]);
  });
});
