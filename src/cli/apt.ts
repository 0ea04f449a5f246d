/**
 * What the test-tool installers (install-chromium.ts, install-nginx.ts,
 * install-rsync.ts, install-w3m.ts) share: running a command, installing Debian packages with
 * apt-get, and finding a tool or installing the package that has it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";

/** Whether this process runs as root on a machine with apt-get. */
export function canUseApt(): boolean {
  return process.getuid?.() === 0 && spawnSync("apt-get", ["--version"]).status === 0;
}

/** Where the output of an install command goes. */
export type CommandOutput = "inherit" | "ignore";

/** How an installer looks for its tool and installs it; tests change it, the CLIs take the defaults. */
export interface EnsureOptions {
  /** Where to look, before and after installing. */
  candidates?: () => readonly string[];
  /** Whether apt-get may be used: running as root with apt-get on the PATH. */
  canUseApt?: boolean;
  /** The environment of the install commands. */
  env?: NodeJS.ProcessEnv;
  /** Where progress is reported. */
  log?: (message: string) => void;
  /** What becomes of the install commands' own output (default: shown). */
  commandOutput?: CommandOutput;
}

/** The first of the candidates that exists. */
export function firstExisting(candidates: readonly string[]): string | undefined {
  return candidates.find((path) => existsSync(path));
}

/** Runs a command; true when it succeeded. */
export function run(
  command: string,
  args: string[],
  { env, stdio }: { env: NodeJS.ProcessEnv; stdio: CommandOutput },
): boolean {
  return spawnSync(command, args, { env, stdio }).status === 0;
}

/** Debian's hook that tells a package's scripts whether they may start its service. */
const POLICY_RC_D = "/usr/sbin/policy-rc.d";

/**
 * `apt-get update`, then `apt-get install` of `packages` without their
 * recommendations; true when both succeeded. Needs root (see `canUseApt`).
 *
 * With `noServiceStart`, the packages' services are not started (a package
 * like nginx would otherwise start serving port 80 to the world): when the
 * machine has no `policy-rc.d` of its own, one that denies every start is put
 * in place for the install and removed after it.
 */
export function aptInstall(
  packages: readonly string[],
  {
    env = process.env,
    stdio = "inherit",
    noServiceStart = false,
  }: { env?: NodeJS.ProcessEnv; stdio?: CommandOutput; noServiceStart?: boolean } = {},
): boolean {
  const options = { env: { ...env, DEBIAN_FRONTEND: "noninteractive" }, stdio };
  const ownPolicy = noServiceStart && !existsSync(POLICY_RC_D);
  if (ownPolicy) writeFileSync(POLICY_RC_D, "#!/bin/sh\nexit 101\n", { mode: 0o755 });
  try {
    return (
      run("apt-get", ["update"], options) &&
      run("apt-get", ["install", "--yes", "--no-install-recommends", ...packages], options)
    );
  } finally {
    if (ownPolicy) rmSync(POLICY_RC_D, { force: true });
  }
}

/** A tool a test needs that one Debian package provides. */
export interface DebianTool {
  /** The tool's name, as messages give it: "nginx". */
  name: string;
  /** The Debian package that installs it. */
  package: string;
  /** The environment variable that may name the tool's path: "NGINX_PATH". */
  pathVariable: string;
  /** Who needs it, capitalised at the start of each message: "Deploy test". */
  user: string;
  /** Whether the package has a service that must not start (see `aptInstall`). */
  noServiceStart?: boolean;
}

/**
 * Returns the path of the tool, installing its Debian package first when
 * none of the candidates exists and apt-get may be used. Says what it does
 * through `log`; throws, saying what to do, when it cannot install it.
 */
export function ensureDebianTool(
  tool: DebianTool,
  candidates: () => readonly string[],
  {
    canUseApt: aptAllowed = canUseApt(),
    env = process.env,
    log = console.log,
    commandOutput = "inherit",
  }: Omit<EnsureOptions, "candidates"> = {},
): string {
  const { name, user } = tool;
  const found = firstExisting(candidates());
  if (found) {
    log(`${user}: ${name} found at ${found}.`);
    return found;
  }

  log(`${user}: no ${name} found.`);
  let tried: string;
  if (aptAllowed) {
    const stopped = tool.noServiceStart ? " (its service left stopped)" : "";
    log(`${user}: installing Debian's ${tool.package} package with apt-get${stopped}…`);
    const installed = aptInstall([tool.package], {
      env,
      stdio: commandOutput,
      noServiceStart: tool.noServiceStart ?? false,
    });
    const path = installed ? firstExisting(candidates()) : undefined;
    if (path) {
      log(`${user}: installed ${name} at ${path}.`);
      return path;
    }
    tried = installed
      ? `apt-get installed the ${tool.package} package, yet no ${name} was found`
      : `apt-get install ${tool.package} failed`;
  } else {
    tried = "apt-get was not used (it needs root and apt-get)";
  }

  throw new Error(
    `No ${name} for the ${user.toLowerCase()}, and none could be installed: ${tried}. ` +
      `Install Debian's ${tool.package} package (sudo apt-get install ${tool.package}), or set ${tool.pathVariable} ` +
      `to the path of the ${name} executable, then run npm test again.`,
  );
}

/** What each test-tool installer offers: where its tool may be, finding it, and installing it. */
export interface DebianToolInstaller {
  /** The places the tool may be, best first: `$<pathVariable>`, then Debian's. */
  candidates(env?: NodeJS.ProcessEnv): string[];
  /** The first of the candidates that exists. */
  find(candidates?: readonly string[]): string | undefined;
  /** Returns the tool's path, installing Debian's package first when none is found; throws, saying what to do, when it cannot. */
  ensure(options?: EnsureOptions): string;
  /** `ensure` as a command: its message and exit code 1 when it cannot. */
  main(): void;
}

/** The installer of a tool that Debian's package puts at `debianPath`. */
export function debianToolInstaller(tool: DebianTool, debianPath: string): DebianToolInstaller {
  const candidates = (env: NodeJS.ProcessEnv = process.env) =>
    [env[tool.pathVariable], debianPath].filter(
      (path): path is string => path !== undefined && path !== "",
    );
  const ensure = ({ candidates: where = () => candidates(), ...rest }: EnsureOptions = {}) =>
    ensureDebianTool(tool, where, rest);
  return {
    candidates,
    find: (list = candidates()) => firstExisting(list),
    ensure,
    main() {
      try {
        ensure();
      } catch (error) {
        console.error((error as Error).message);
        process.exitCode = 1;
      }
    },
  };
}
