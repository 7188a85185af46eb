import type { Context } from "hono";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";
import { reserveAll } from "../platform/rate-limit";

const WINDOW_MS = 15 * 60_000;
const MESSAGE = "Demasiados intentos fallidos de inicio de sesión; espere antes de reintentar";

/**
 * Reserves a login attempt in three buckets before the password is checked: per e-mail (with a back-off that
 * doubles on every refused attempt: guessing one account), per IP (a password sprayed over many e-mails, and the
 * PBKDF2 cost of each), and per IP + e-mail. Returns the refund for a successful login. When the limiter cannot be
 * reached the login is refused (503): brute force must not get through while the counters are down.
 */
export async function reserveLoginAttempt(c: Context<AppEnv>, email: string) {
  const config = c.get("config");
  const ip = c.req.header("cf-connecting-ip") ?? "local";
  const perEmail = config.loginAttemptsPer15Minutes;
  try {
    return await reserveAll(
      c.env.RATE_LIMITER,
      [
        { key: `login:email:${email.toLowerCase()}`, limit: perEmail, windowMs: WINDOW_MS, backoff: true },
        { key: `login:ip:${ip}`, limit: config.loginAttemptsPerIpPer15Minutes, windowMs: WINDOW_MS },
        { key: `login:ip-email:${ip}:${email.toLowerCase()}`, limit: perEmail, windowMs: WINDOW_MS },
      ],
      MESSAGE,
    );
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError("LOGIN_UNAVAILABLE", { cause: error });
  }
}
