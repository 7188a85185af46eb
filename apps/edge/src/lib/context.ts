import type { FactusClient } from "@factus-edge/factus-client";
import type { Config, Env } from "./env";

/** What middleware puts on the request context. */
export interface AppVariables {
  config: Config;
  requestId: string;
  /** The authenticated local user, set by the auth middleware. */
  user: { id: string; email: string };
  /** A Factus client carrying the caller's X-Factus-Token, set by the Factus-token middleware. */
  factus: FactusClient;
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}
