// The stack `pnpm dev` runs (emulator, edge on a migrated local D1 with the demo user), started on free ports with
// throw-away state, for tests that drive it from outside.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningWorker, startEmulator, startWranglerDev } from "factus-emulator/testing";
// The edge's own scripts, so the tests set up exactly what `pnpm dev` sets up.
import { addUser, wrangler } from "../../apps/edge/scripts/d1.mjs";
import { DEMO_USER } from "../../apps/edge/scripts/demo-user.mjs";
import { writeDocsAssets } from "../../apps/edge/scripts/docs-assets.mjs";

export const root = fileURLToPath(new URL("../../", import.meta.url));

export interface Stack {
  emulatorUrl: string;
  emulatorAdminSecret: string;
  edgeUrl: string;
  demoUser: { email: string; password: string };
  /** Stops the edge's `wrangler dev` and starts it again on the same port and state (D1, Durable Objects, alarms). */
  restartEdge(options?: { downMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Emulator + edge; `corsOrigins` are the pages that will call the edge from a browser, `vars` override the edge's
 * local variables (a shorter retry schedule, say).
 */
export async function startStack(
  options: { corsOrigins?: string[]; vars?: Record<string, string> } = {},
): Promise<Stack> {
  const emulator = await startEmulator();
  let edge: RunningWorker | undefined;
  const state = mkdtempSync(join(tmpdir(), "factus-e2e-edge-"));
  const vars = {
    FACTUS_BASE_URL: emulator.url,
    JWT_SECRET: "e2e-secret-that-is-long-enough-for-hs256-0123456789",
    FACTUS_CLIENT_ID: "emulator-client-id",
    FACTUS_CLIENT_SECRET: "emulator-client-secret",
    FACTUS_CONNECTION_KEYS: "e2e:ZTJlLWtleS1vZi10aGlydHktdHdvLWJ5dGVzLSEhISE",
    CORS_ORIGINS: (options.corsOrigins ?? []).join(","),
    ...options.vars,
  };
  const start = (port?: number) =>
    startWranglerDev(join(root, "apps/edge"), { persistTo: state, vars, port });
  try {
    writeDocsAssets();
    wrangler(["d1", "migrations", "apply", "DB", "--local"], { persistTo: state });
    await addUser({ ...DEMO_USER, persistTo: state });
    edge = await start();
  } catch (error) {
    await emulator.stop();
    throw error;
  }
  let running = edge;
  const port = Number(new URL(running.url).port);
  return {
    emulatorUrl: emulator.url,
    emulatorAdminSecret: emulator.adminSecret,
    edgeUrl: running.url,
    demoUser: DEMO_USER,
    async restartEdge({ downMs = 0 } = {}) {
      await running.stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      running = await start(port);
    },
    async stop() {
      await running.stop();
      await emulator.stop();
    },
  };
}
