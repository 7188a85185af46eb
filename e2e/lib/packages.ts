// The publishable packages as a registry would get them: built, packed by pnpm (which applies publishConfig and
// turns workspace: ranges into versions), and installed by plain npm into a project outside the workspace.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/** A fresh npm project in the system's temp directory with the tarballs and `extra` registry packages installed. */
export function installInFreshProject(tarballs: string[], extra: string[]): string {
  const project = mkdtempSync(join(tmpdir(), "factus-consumer-"));
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs, ...extra], project);
  return project;
}
