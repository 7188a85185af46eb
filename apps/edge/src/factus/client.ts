import { FactusClient } from "@factus-edge/factus-client/client";
import type { FactusApiVersionOption } from "@factus-edge/factus-client/options";
import type { Config } from "../platform/config";
import { provingFetch } from "./liveness";

let made: { config: Config; client: FactusClient<FactusApiVersionOption> } | undefined;

/**
 * The isolate's one Factus client (for the API and its background work alike): each call carries its caller's own
 * token. Reads are retried once; creates never.
 */
export function factusClientFor(config: Config): FactusClient<FactusApiVersionOption> {
  if (made?.config === config) return made.client;
  const client = new FactusClient<FactusApiVersionOption>({
    baseURL: config.factusBaseUrl,
    // The server's OAuth client, for /auth/factus/*; resource calls carry the caller's token instead.
    credentials: { clientId: config.factusClientId, clientSecret: config.factusClientSecret },
    apiVersion: config.factusApiVersion,
    timeout: config.factusTimeoutMs,
    maxRetries: 1,
    maxRetryDelay: 2_000,
    // Every answer says whether Factus still accepts the caller's token: cached documents are served only to live ones.
    fetch: provingFetch,
  });
  made = { config, client };
  return client;
}
