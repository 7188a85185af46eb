// Starts the emulator as a real HTTP server (`wrangler dev` on loopback) for other packages' tests, with its own
// free ports and a throw-away state directory. Node-only: call it from a vitest globalSetup.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface RunningEmulator {
  url: string;
  adminSecret: string;
  stop(): Promise<void>;
}

const emulatorDir = fileURLToPath(new URL("..", import.meta.url));

async function freePort(): Promise<number> {
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

/** Spawns `wrangler dev` for the emulator and resolves once it answers HTTP. `vars` override wrangler.jsonc. */
export async function startEmulator(vars: Record<string, string> = {}): Promise<RunningEmulator> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const state = mkdtempSync(join(tmpdir(), "factus-emulator-"));
  const url = `http://127.0.0.1:${port}`;
  // wrangler's package exports hide bin/, so find it next to its package.json.
  const wrangler = join(
    dirname(createRequire(import.meta.url).resolve("wrangler/package.json")),
    "bin",
    "wrangler.js",
  );
  const allVars = { PUBLIC_BASE_URL: url, EMULATOR_OPEN_ACCOUNTS: "true", ...vars };
  const args = [
    wrangler,
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
    ...Object.entries(allVars).flatMap(([key, value]) => ["--var", `${key}:${value}`]),
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: emulatorDir,
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
    rmSync(state, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${url}/__ready`);
      await response.body?.cancel();
      return { url, adminSecret: vars.EMULATOR_ADMIN_SECRET ?? "emulator-admin-secret", stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  await stop();
  throw new Error(`The Factus emulator did not start:\n${output.slice(-3000)}`);
}
