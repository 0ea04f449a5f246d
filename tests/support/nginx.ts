import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { dirname, join } from "node:path";
import { findNginx } from "../../src/cli/install-nginx";
import { deployingBlocks } from "./deploying-docs";

/** The ```nginx block of docs/deploying.md, as written there. */
export async function documentedNginxBlock(): Promise<string> {
  const blocks = await deployingBlocks("nginx");
  if (blocks.length !== 1)
    throw new Error(`docs/deploying.md has ${blocks.length} nginx blocks, not 1`);
  return blocks[0]!;
}

/** Replaces `from` in `text`, which must hold it exactly once: the documentation and the test stay in step. */
function replaceOnce(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) {
    throw new Error(
      `docs/deploying.md's nginx block holds ${JSON.stringify(from)} ${parts.length - 1} times, not once`,
    );
  }
  return parts.join(to);
}

/**
 * The documented block made to serve `root` on 127.0.0.1:`port`: its example
 * root and its placeholder for `listen` are the only things changed.
 */
export function adaptDocumentedBlock(
  block: string,
  { root, port }: { root: string; port: number },
) {
  const listening = replaceOnce(
    block,
    "# listen, server_name and TLS as for the rest of the host",
    `listen 127.0.0.1:${port};`,
  );
  return replaceOnce(listening, "root /var/www/broadsheet;", `root ${root};`);
}

/** The `mime.types` beside the nginx's own configuration, which every nginx.conf includes. */
function mimeTypesOf(nginx: string): string {
  const version = spawnSync(nginx, ["-V"], { encoding: "utf8" });
  const confPath = /--conf-path=(\S+)/.exec(version.stderr)?.[1] ?? "/etc/nginx/nginx.conf";
  const path = join(dirname(confPath), "mime.types");
  if (!existsSync(path)) throw new Error(`nginx's mime.types is not at ${path}`);
  return path;
}

/** A port free on 127.0.0.1 a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The uid and gid of `nobody`, from /etc/passwd. */
async function nobody(): Promise<{ uid: number; gid: number }> {
  const passwd = await readFile("/etc/passwd", "utf8");
  const fields = passwd
    .split("\n")
    .find((line) => line.startsWith("nobody:"))
    ?.split(":");
  if (!fields) throw new Error("No user nobody in /etc/passwd to run nginx as");
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

/** An nginx serving a folder with the configuration of docs/deploying.md, on 127.0.0.1. */
export interface Nginx {
  origin: string;
  /** The user the server runs as. */
  user: string;
  /** Every request nginx logged: "<status> <request URI>", in order. */
  accessLog: () => Promise<string[]>;
  stop: () => Promise<void>;
}

/** A temporary prefix for an nginx: `www` to copy the site into, then `start`; `remove` when done. */
export interface NginxPrefix {
  /** The folder that plays /var/www/broadsheet. */
  www: string;
  start: () => Promise<Nginx>;
  /** Removes the prefix, once nginx is stopped. */
  remove: () => Promise<void>;
}

/** Makes the folder an nginx will serve from; call `start` once the site is copied into it. */
export async function prepareNginx(): Promise<NginxPrefix> {
  const nginx = findNginx();
  if (!nginx) {
    throw new Error(
      "No nginx found: `npm test` installs one; or run `node src/cli/install-nginx.ts`.",
    );
  }
  const prefix = await mkdtemp(join(tmpdir(), "broadsheet-nginx-"));
  // As root, nginx runs as nobody, a user that owns none of the site, as a
  // web server's user does; otherwise as this user. Only the prefix is made
  // open to it: the site's modes are what the build gave them.
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? await nobody() : undefined;
  await chmod(prefix, 0o755);
  const www = join(prefix, "www");
  await mkdir(www);
  await chmod(www, 0o755);
  const state = join(prefix, "state");
  await mkdir(state);
  if (user) await chown(state, user.uid, user.gid);

  const start = async (): Promise<Nginx> => {
    const port = await freePort();
    const block = adaptDocumentedBlock(await documentedNginxBlock(), { root: www, port });
    const conf = join(prefix, "nginx.conf");
    await writeFile(
      conf,
      `# Made by tests/support/nginx.ts: a prefix of its own, 127.0.0.1 only, no root needed.
daemon off;
worker_processes 1;
pid ${state}/nginx.pid;
error_log ${state}/error.log warn;
events { worker_connections 1024; }
http {
    include ${mimeTypesOf(nginx)};
    default_type application/octet-stream;
    log_format status_uri '$status $request_uri';
    access_log ${state}/access.log status_uri;
    client_body_temp_path ${state}/client_body;
    proxy_temp_path ${state}/proxy;
    fastcgi_temp_path ${state}/fastcgi;
    uwsgi_temp_path ${state}/uwsgi;
    scgi_temp_path ${state}/scgi;

    # The block of docs/deploying.md, as written there but for root and listen:
${block}}
`,
    );
    const child: ChildProcess = spawn(
      nginx,
      ["-p", `${prefix}/`, "-c", conf, "-e", join(state, "error.log")],
      { stdio: ["ignore", "inherit", "inherit"], ...(user ?? {}) },
    );
    const exited = new Promise<number | null>((done) => child.on("close", done));
    const origin = `http://127.0.0.1:${port}`;
    const errors = () => readFile(join(state, "error.log"), "utf8").catch(() => "");
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`nginx stopped at start:\n${await errors()}`);
      }
      if (
        await fetch(`${origin}/`).then(
          () => true,
          () => false,
        )
      )
        break;
      if (Date.now() > deadline) {
        child.kill("SIGTERM");
        throw new Error(`nginx did not answer on ${origin}:\n${await errors()}`);
      }
      await new Promise((wait) => setTimeout(wait, 50));
    }
    return {
      origin,
      user: user ? "nobody" : userInfo().username,
      accessLog: async () =>
        (await readFile(join(state, "access.log"), "utf8")).split("\n").filter(Boolean),
      stop: async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill("SIGTERM");
          await exited;
        }
      },
    };
  };
  return { www, start, remove: () => rm(prefix, { recursive: true, force: true }) };
}
