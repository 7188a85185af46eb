import type { D1Migration } from "cloudflare:test";

/** Bindings the test configuration adds to the Worker's own (vitest.config.ts). */
interface TestBindings {
  /** Replays a chaos run (test/documents/chaos.test.ts); its default seed otherwise. */
  CHAOS_SEED: string;
  TEST_MIGRATIONS: D1Migration[];
  EMULATOR_ADMIN_SECRET: string;
  /** The per-user limit at 5 a minute, for the limiter's own test. */
  TEST_USER_RATE_LIMIT: RateLimit;
  /** The company lookup budget at 2 pages a minute, for its own test. */
  TEST_COMPANY_LOOKUP_BUDGET: RateLimit;
}

declare global {
  namespace Cloudflare {
    interface Env extends TestBindings {}
  }
}
declare module "cloudflare:test" {
  interface ProvidedEnv extends Cloudflare.Env {}
}
