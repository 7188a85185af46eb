import type { EmulatorEnv } from "../src/env";

declare global {
  namespace Cloudflare {
    interface GlobalProps {
      mainModule: typeof import("../src/index");
      durableNamespaces: "FactusAccount";
    }
    interface Env extends EmulatorEnv {}
  }
}
declare module "cloudflare:test" {
  interface ProvidedEnv extends EmulatorEnv {}
}
