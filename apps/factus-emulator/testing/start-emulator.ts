// Starts Workers of this repo as real HTTP servers (`wrangler dev` on loopback) for tests and benchmarks, each with
// its own free ports and a throw-away state directory unless told otherwise. Node-only: what talks to a running
// emulator, in Node or in workerd, is in ./helpers.ts (`factus-emulator/testing/helpers`).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

export interface RunningWorker {
  url: string;
  /** Where its local state (D1, Durable Objects) lives. */
  state: string;
  /** workerd's DevTools port (CPU profiles). */
  inspectorPort: number;
  stop(): Promise<void>;
}

export interface RunningEmulator extends RunningWorker {
  adminSecret: string;
}

const emulatorDir = fileURLToPath(new URL("..", import.meta.url));
// wrangler's package exports hide bin/, so find it next to its package.json.
export const wranglerBin = join(
  dirname(createRequire(import.meta.url).resolve("wrangler/package.json")),
  "bin",
  "wrangler.js",
);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * Spawns `wrangler dev` in `cwd` and resolves once it answers HTTP at `readyPath` (a static asset's path keeps the
 * Worker itself from running before the caller's first request). `vars` override wrangler.jsonc; `config` names
 * another configuration file.
 */
export async function startWranglerDev(
  cwd: string,
  options: {
    vars?: Record<string, string>;
    persistTo?: string;
    port?: number;
    config?: string;
    readyPath?: string;
  } = {},
): Promise<RunningWorker> {
  const port = options.port ?? (await freePort());
  const inspectorPort = await freePort();
  const state = options.persistTo ?? mkdtempSync(join(tmpdir(), "factus-wrangler-"));
  const url = `http://127.0.0.1:${port}`;
  const args = [
    wranglerBin,
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--inspector-port",
    String(inspectorPort),
    "--persist-to",
    state,
    "--show-interactive-dev-session=false",
    ...(options.config ? ["--config", options.config] : []),
    ...Object.entries(options.vars ?? {}).flatMap(([key, value]) => ["--var", `${key}:${value}`]),
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 5000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve(undefined);
        });
      });
    }
    if (!options.persistTo) rmSync(state, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(`${url}${options.readyPath ?? "/__ready"}`);
      await response.body?.cancel();
      return { url, state, inspectorPort, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  await stop();
  throw new Error(`wrangler dev in ${cwd} did not start:\n${output.slice(-3000)}`);
}

/**
 * The Factus emulator on loopback, with open accounts (one isolated store per username). Two settings keep the
 * suites written before them as they were, unlike wrangler.jsonc: `REQUIRE_USER_AGENT` "false" accepts requests
 * without a User-Agent (the gateway's Factus client sends none yet), and `SHARED_V1_COMPANY` "true" has every v1
 * account invoice as the seeded company (NIT 900825759). Pass either in `vars` to have Factus' behaviour.
 */
export async function startEmulator(vars: Record<string, string> = {}): Promise<RunningEmulator> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const worker = await startWranglerDev(emulatorDir, {
    port,
    vars: {
      PUBLIC_BASE_URL: url,
      EMULATOR_OPEN_ACCOUNTS: "true",
      REQUIRE_USER_AGENT: "false",
      SHARED_V1_COMPANY: "true",
      ...vars,
    },
  });
  return { ...worker, adminSecret: vars.EMULATOR_ADMIN_SECRET ?? "emulator-admin-secret" };
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The origin of the emulator `emulatorGlobalSetup` started. */
    emulatorUrl: string;
    /** Its `EMULATOR_ADMIN_SECRET`. */
    emulatorAdminSecret: string;
  }
}

/**
 * A vitest `globalSetup` that starts one emulator for the whole run (`vars` override wrangler.jsonc) and provides its
 * `emulatorUrl` and `emulatorAdminSecret` to the tests (`inject()`) and to the config (`cloudflareTest`'s `inject`).
 * A setup file is one line: `export default emulatorGlobalSetup({ RATE_LIMIT_PER_MINUTE: "300" });`
 */
export function emulatorGlobalSetup(vars: Record<string, string> = {}) {
  return async (project: TestProject) => {
    const emulator = await startEmulator(vars);
    project.provide("emulatorUrl", emulator.url);
    project.provide("emulatorAdminSecret", emulator.adminSecret);
    return emulator.stop;
  };
}
