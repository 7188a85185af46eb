import type { D1Migration } from "cloudflare:test";
import type { Env } from "../src/lib/env";

interface TestBindings extends Env {
  TEST_MIGRATIONS: D1Migration[];
  EMULATOR_ADMIN_SECRET: string;
}

declare global {
  namespace Cloudflare {
    interface GlobalProps {
      mainModule: typeof import("../src/index");
      durableNamespaces: "RateLimiter";
    }
    interface Env extends TestBindings {}
  }
}
declare module "cloudflare:test" {
  interface ProvidedEnv extends TestBindings {}
}
