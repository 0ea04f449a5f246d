/**
 * What the test-tool installers (install-chromium.ts, install-nginx.ts) share:
 * running a command, and installing Debian packages with apt-get.
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
