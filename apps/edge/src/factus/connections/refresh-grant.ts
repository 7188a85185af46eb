import { FactusClient } from "@factus-edge/factus-client/client";
import { FactusApiError, FactusAuthenticationError } from "@factus-edge/factus-client/errors";
import type { Env } from "../../platform/config";
import type { Grant } from "./connection-object";

/** A new grant for a connection's refresh token, from Factus' OAuth endpoint, without retries (Factus rotates it). */
export function refreshGrant(env: Env, refreshToken: string): Promise<Grant> {
  const factus = new FactusClient({
    baseURL: env.FACTUS_BASE_URL,
    credentials: { clientId: env.FACTUS_CLIENT_ID, clientSecret: env.FACTUS_CLIENT_SECRET },
    maxRetries: 0,
  });
  return factus.auth.refreshGrant({ refreshToken });
}

/**
 * Factus refused the refresh token itself (revoked, expired, already used): Passport's `invalid_grant` (400, or
 * 401). A refused *client* (`invalid_client`: the platform's FACTUS_CLIENT_ID/SECRET) is not the connection's fault.
 */
export function refusesTheRefreshToken(error: unknown) {
  if (
    !(error instanceof FactusAuthenticationError || (error instanceof FactusApiError && error.status === 400))
  )
    return false;
  return !/invalid_client/i.test(`${error.message} ${JSON.stringify(error.body ?? "")}`);
}
