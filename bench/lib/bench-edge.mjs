// The edge under `wrangler dev` for the HTTP and batch measurements: its own local D1 (migrated, one user), the
// per-user limit raised (a load test from one user would otherwise measure 429s), against a running emulator.
import { addUser, wrangler } from "../../apps/edge/scripts/d1.mjs";
import { edgeConfigForLoad, startWrangler } from "./wrangler.mjs";

const USER = { email: "bench@empresa.test", password: "bench-password-123", name: "Bench" };

/** The secrets the edge refuses to serve without (a clean clone has no .dev.vars): the bench's own, never real ones. */
export const BENCH_EDGE_SECRETS = {
  JWT_SECRET: "bench-edge-secret-bench-edge-secret-0123456789",
  FACTUS_CLIENT_ID: "emulator-client-id",
  FACTUS_CLIENT_SECRET: "emulator-client-secret",
  FACTUS_CONNECTION_KEYS: "b1:YmVuY2gta2V5LW9mLXRoaXJ0eS10d28tYnl0ZXMtISE",
};

/** A fresh access token of the emulator's seeded v1 account. */
export async function emulatorToken(emulator) {
  const form = new URLSearchParams({
    grant_type: "password",
    client_id: "emulator-client-id",
    client_secret: "emulator-client-secret",
    username: "sandbox@factus.local",
    password: "sandbox-password",
  });
  return (await (await fetch(`${emulator.url}/oauth/token`, { method: "POST", body: form })).json())
    .access_token;
}

/** Starts the edge on `state` (a temporary folder) with `vars` over the bench's own; answers it and a user's JWT. */
export async function startBenchEdge(emulator, state, vars = {}) {
  wrangler(["d1", "migrations", "apply", "DB", "--local"], { persistTo: state });
  await addUser({ ...USER, persistTo: state });
  const edge = await startWrangler("apps/edge", {
    persistTo: state,
    config: edgeConfigForLoad(state),
    vars: {
      FACTUS_BASE_URL: emulator.url,
      ...BENCH_EDGE_SECRETS,
      RATE_LIMIT_PER_MINUTE: "100000000",
      ...vars,
    },
  });
  try {
    const login = await fetch(`${edge.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: USER.email, password: USER.password }),
    });
    if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`);
    return { edge, jwt: (await login.json()).data.access_token };
  } catch (error) {
    await edge.stop();
    throw error;
  }
}
