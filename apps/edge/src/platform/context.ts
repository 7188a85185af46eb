import type { FactusClient } from "@factus-edge/factus-client/client";
import type { TokenSource } from "@factus-edge/factus-client/core";
import type { FactusApiVersionOption } from "@factus-edge/factus-client/options";
import type { Config, Env } from "./config";

/** What middleware puts on the request context. */
export interface AppVariables {
  config: Config;
  requestId: string;
  /** The authenticated local user, set by the auth middleware; an `admin` also reaches administrative routes. */
  user: { id: string; email: string; role: "user" | "admin" };
  /**
   * The isolate's one Factus client; calls pass the caller's token (`upstream(c)`). It speaks each token's Factus API
   * version (v1 or v2), so document reads answer either shape: read them through factus/documents.ts.
   */
  factus: FactusClient<FactusApiVersionOption>;
  /** The caller's X-Factus-Token (or its stored connection's token), set by the Factus-token middleware; sent only to Factus. */
  factusToken: string;
  /** Set when the token comes from a stored Factus connection: renews it on a 401 (factus/connections). */
  factusTokens: TokenSource | undefined;
  /** The stored Factus connection a request acts through: an API key's, or X-Factus-Connection. */
  connectionId: string | undefined;
  /** Set when the caller authenticated with an API key: its id (rate limits count per key) and scopes. */
  apiKey: { id: string; scopes: string[] } | undefined;
  /** Its SHA-256, computed on first use (factus/call.ts, factusTokenDigest). */
  factusTokenDigest: Promise<string> | undefined;
  /** Set by the idempotency middleware: an earlier try of this key lost Factus' answer, so look before sending. */
  reconcileFirst: boolean;
  /** Set by a create whose Factus answer was lost: the idempotency key is kept as "outcome unknown". */
  outcomeUnknown: boolean;
  /** This request's own question to Factus about its token's company, while it is in flight (factus/company.ts). */
  companyNit: Promise<string> | undefined;
  /** Ledger writes waiting for this request's next D1 round trip (ledger/ledger.ts). */
  ledger: D1PreparedStatement[] | undefined;
  /** The batch a background issuance belongs to (batches/). */
  batchId: string | undefined;
  /** Set when the gateway acts on its own (a document's background completion), not for a caller. */
  inBackground: boolean;
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}
