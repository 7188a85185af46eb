import type { FactusSession } from "@factus-edge/contracts";
import { FactusApiError, FactusAuthenticationError } from "@factus-edge/factus-client";
import { ApiError } from "./errors";
import { toApiError } from "./upstream";

// The Factus OAuth proxy of /auth/factus/*: the server adds its client credentials to the caller's account ones.

/** Factus refuses bad account credentials or refresh tokens with 400/401: both mean "log in to Factus again". */
export function oauthError(error: unknown, message: string) {
  if (
    error instanceof FactusAuthenticationError ||
    (error instanceof FactusApiError && error.status === 400)
  ) {
    return new ApiError("FACTUS_UNAUTHENTICATED", { message, cause: error });
  }
  return toApiError(error);
}

/** The public session from Factus' token answer, field by field: nothing else of Factus' answer passes through. */
export const factusSession = (token: FactusSession): FactusSession => ({
  access_token: token.access_token,
  token_type: token.token_type,
  expires_in: token.expires_in,
  refresh_token: token.refresh_token,
});
