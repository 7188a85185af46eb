import { applyD1Migrations, env } from "cloudflare:test";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

// Any outbound call other than to the emulator fails the test: the gateway must talk to Factus and nothing else.
const emulator = new URL(env.FACTUS_BASE_URL).origin;
const realFetch = globalThis.fetch;
globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.origin !== emulator) throw new Error(`Unexpected outbound call to ${url.origin}`);
  return realFetch(input, init);
};
