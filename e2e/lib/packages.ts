// The publishable packages as a registry would get them: built, packed by pnpm (which applies publishConfig and
// turns workspace: ranges into versions), and installed by plain npm into a project outside the workspace.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { root } from "./stack";

export const PUBLISHABLE = ["contracts", "factus-client", "sdk"] as const;
export const packageDir = (name: string) => join(root, "packages", name);

/** Runs a command; its output is kept for the error message only. */
export function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
  // The environment is kept whole: npm reaches the registry through the machine's CA settings.
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: "utf8",
      stdio: "pipe",
      env: { ...process.env, NO_COLOR: "1", ...env },
    });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${stdout}\n${stderr}`.slice(0, 6000));
  }
}

/** Builds and packs every publishable package; answers the tarballs' paths. */
export function packAll(): string[] {
  const destination = mkdtempSync(join(tmpdir(), "factus-packs-"));
  for (const name of PUBLISHABLE) {
    run("pnpm", ["run", "build"], packageDir(name));
    run("pnpm", ["pack", "--pack-destination", destination], packageDir(name));
  }
  return readdirSync(destination).map((file) => join(destination, file));
}

/**
 * Why an npm failure is the registry's or the network's passing fault, not the packages': a dropped or timed-out
 * connection, a 5xx, or an ERESOLVE over a peer npm could not read (`Found: zod@undefined`: its metadata request
 * failed; a real conflict names a version). Undefined when the failure is not transient.
 */
export function transientNpmFailure(output: string): string | undefined {
  const found = /Found: (\S+@undefined)/.exec(output);
  if (/\bERESOLVE\b/.test(output) && found) return `ERESOLVE, Found: ${found[1]}`;
  const network = /\b(ETIMEDOUT|ECONNRESET|ECONNREFUSED|EAI_AGAIN|EPIPE|ESOCKETTIMEDOUT)\b/.exec(output);
  if (network) return network[1];
  const status = /\b(?:code E|npm (?:error|ERR!) )(5\d\d)\b/.exec(output);
  if (status) return `HTTP ${status[1]}`;
  if (/socket hang up/i.test(output)) return "socket hang up";
  return undefined;
}

/** Seconds before the second and the third (last) try. */
const NPM_RETRY_DELAYS = [5, 15];

/** A fresh npm project in the system's temp directory with the tarballs and `extra` registry packages installed. */
export async function installInFreshProject(tarballs: string[], extra: string[]): Promise<string> {
  const project = mkdtempSync(join(tmpdir(), "factus-consumer-"));
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  const args = ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs, ...extra];
  // The registry is the one thing here outside the repository: its passing faults are retried with a growing
  // delay, and anything else fails at once.
  for (let attempt = 1; ; attempt++) {
    try {
      run("npm", args, project);
      return project;
    } catch (error) {
      const reason = transientNpmFailure(String(error));
      const delay = NPM_RETRY_DELAYS[attempt - 1];
      if (!reason || delay === undefined) throw error;
      process.stderr.write(`npm install failed (${reason}), retrying in ${delay}s\n`);
      await sleep(delay * 1000);
    }
  }
}
