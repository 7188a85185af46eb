import type { Context } from "hono";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";
import { reserveAll } from "../platform/rate-limit";

const PAIR_WINDOW_MS = 15 * 60_000;
const EMAIL_WINDOW_MS = 5 * 60_000;
const IP_WINDOW_MS = 15 * 60_000;
/** How long an address a user logged in from skips the e-mail's shared window. */
const KNOWN_ADDRESS_MS = 30 * 24 * 3600_000;
const MESSAGE = "Demasiados intentos fallidos de inicio de sesión; espere antes de reintentar";

/**
 * Reserves a login attempt before the password is checked, in three buckets:
 * - per IP + e-mail, with the back-off: each time its window fills, it stays closed twice as long (15 min, 30 min…
 *   24 h). Only that address is locked out of that account; the owner elsewhere is not.
 * - per e-mail from any IP, a short window that never grows (LOGIN_ATTEMPTS_PER_EMAIL_PER_5_MINUTES): guessing from
 *   many addresses is slowed, and whoever does it can keep the owner out for minutes at most. An address the user
 *   logged in from in the last 30 days skips it, so the owner at a known place is not kept out at all.
 * - per IP over every e-mail: a password sprayed over many accounts, and the PBKDF2 cost of each.
 * `unlockedAt` (`user:unlock`, ms) discards what the e-mail's buckets recorded before it. Returns what to call once
 * the password was right. When the limiter cannot be reached the login is refused (503): brute force must not get
 * through while the counters are down.
 */
export async function reserveLoginAttempt(c: Context<AppEnv>, email: string, unlockedAt: number) {
  const config = c.get("config");
  const ip = c.req.header("cf-connecting-ip") ?? "local";
  const account = email.toLowerCase();
  try {
    return await reserveAll(
      c.env.RATE_LIMITER,
      [
        {
          key: `login:ip-email:${ip}:${account}`,
          limit: config.loginAttemptsPer15Minutes,
          windowMs: PAIR_WINDOW_MS,
          backoff: true,
          trustMs: KNOWN_ADDRESS_MS,
          clearedAt: unlockedAt,
        },
        {
          key: `login:email:${account}`,
          limit: config.loginAttemptsPerEmailPer5Minutes,
          windowMs: EMAIL_WINDOW_MS,
          waivable: true,
          clearedAt: unlockedAt,
        },
        { key: `login:ip:${ip}`, limit: config.loginAttemptsPerIpPer15Minutes, windowMs: IP_WINDOW_MS },
      ],
      MESSAGE,
    );
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError("LOGIN_UNAVAILABLE", { cause: error });
  }
}
