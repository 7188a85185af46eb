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
  edgeUrl: string;
  demoUser: { email: string; password: string };
  stop(): Promise<void>;
}

/** Emulator + edge; `corsOrigins` are the pages that will call the edge from a browser. */
export async function startStack(options: { corsOrigins?: string[] } = {}): Promise<Stack> {
  const emulator = await startEmulator();
  let edge: RunningWorker | undefined;
  try {
    writeDocsAssets();
    const state = mkdtempSync(join(tmpdir(), "factus-e2e-edge-"));
    wrangler(["d1", "migrations", "apply", "DB", "--local"], { persistTo: state });
    await addUser({ ...DEMO_USER, persistTo: state });
    edge = await startWranglerDev(join(root, "apps/edge"), {
      persistTo: state,
      vars: {
        FACTUS_BASE_URL: emulator.url,
        JWT_SECRET: "e2e-secret-that-is-long-enough-for-hs256-0123456789",
        FACTUS_CLIENT_ID: "emulator-client-id",
        FACTUS_CLIENT_SECRET: "emulator-client-secret",
        FACTUS_CONNECTION_KEYS: "e2e:ZTJlLWtleS1vZi10aGlydHktdHdvLWJ5dGVzLSEhISE",
        CORS_ORIGINS: (options.corsOrigins ?? []).join(","),
      },
    });
  } catch (error) {
    await emulator.stop();
    throw error;
  }
  const running = edge;
  return {
    emulatorUrl: emulator.url,
    edgeUrl: running.url,
    demoUser: DEMO_USER,
    async stop() {
      await running.stop();
      await emulator.stop();
    },
  };
}
