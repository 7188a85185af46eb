import type { FactusSession } from "@factus-edge/contracts/schemas/auth";
import { FactusApiError, FactusAuthenticationError } from "@factus-edge/factus-client/errors";
import type { Context } from "hono";
import { afterAnswer } from "../platform/after-answer";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";
import { reserveAll } from "../platform/rate-limit";
import { toApiError } from "./errors";

const WINDOW_MS = 15 * 60_000;
/** Grants per local user, and per local user on one Factus account, per 15 minutes: plenty for people, too few to guess. */
const GRANTS_PER_WINDOW = 20;
/**
 * Password grants on one Factus account from every local user per 15 minutes: a ceiling, never doubled. Above
 * GRANTS_PER_WINDOW, so that no one user alone can fill it and keep the others out.
 */
const ACCOUNT_GRANTS_PER_WINDOW = 60;

/**
 * Reserves a Factus OAuth grant per local user and, for the password grant, per local user on that Factus account
 * (with the back-off: each time it fills it stays closed twice as long) and per account overall (a plain window):
 * the proxy holds the platform's client credentials, and guessing through it could get that client blocked by
 * Factus for every tenant. One user's failures lock out only that user; the account's own ceiling is reached only by
 * several users together, and for one window at most. Returns what to call for a grant Factus accepted.
 */
export function reserveFactusGrant(c: Context<AppEnv>, account?: string) {
  const user = c.get("user").id;
  const name = account?.toLowerCase();
  return reserveAll(
    c.env.RATE_LIMITER,
    [
      { key: `factus-oauth:user:${user}`, limit: GRANTS_PER_WINDOW, windowMs: WINDOW_MS },
      ...(name
        ? [
            {
              key: `factus-oauth:user-account:${user}:${name}`,
              limit: GRANTS_PER_WINDOW,
              windowMs: WINDOW_MS,
              backoff: true,
            },
            { key: `factus-oauth:account:${name}`, limit: ACCOUNT_GRANTS_PER_WINDOW, windowMs: WINDOW_MS },
          ]
        : []),
    ],
    "Demasiados intentos de inicio de sesión en Factus; espere antes de reintentar",
  );
}

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

/**
 * A password grant through the platform's OAuth client, throttled per user and Factus account (reserveFactusGrant);
 * an accepted grant is given back to the counters once the answer is on its way.
 */
export async function passwordGrantFor(c: Context<AppEnv>, email: string, password: string) {
  const accepted = await reserveFactusGrant(c, email);
  const token = await c
    .get("factus")
    .auth.passwordGrant({ username: email, password }, { requestId: c.get("requestId") })
    .catch((error) => {
      throw oauthError(error, "Factus rechazó el correo o la contraseña");
    });
  await afterAnswer(c, accepted());
  return token;
}
