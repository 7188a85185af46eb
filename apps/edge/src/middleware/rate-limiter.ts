import { DurableObject } from "cloudflare:workers";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context";
import { ApiError } from "../lib/errors";

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  retryAfterSeconds: number;
}

/**
 * A fixed-window counter per key (a user, or an IP + e-mail pair for logins). One object per key serializes its
 * counts, so concurrent requests can never both take the last slot.
 */
export class RateLimiter extends DurableObject {
  private windowStart = 0;
  private count = 0;

  /** Counts one event and says whether it is within the limit. */
  hit(limit: number, windowMs: number): RateLimitResult {
    return this.state(limit, windowMs, 1);
  }

  /** Says whether the limit is already spent, without counting anything. */
  peek(limit: number, windowMs: number): RateLimitResult {
    const result = this.state(limit, windowMs, 0);
    return { ...result, allowed: this.count < limit };
  }

  private state(limit: number, windowMs: number, add: number): RateLimitResult {
    const now = Date.now();
    if (now - this.windowStart >= windowMs) {
      this.windowStart = now;
      this.count = 0;
    }
    this.count += add;
    return {
      allowed: this.count <= limit,
      limit,
      remaining: Math.max(0, limit - this.count),
      retryAfterSeconds: Math.max(1, Math.ceil((this.windowStart + windowMs - now) / 1000)),
    };
  }

  reset() {
    this.windowStart = 0;
    this.count = 0;
  }
}

/**
 * Counts a request against `key` (or, with `count: false`, only checks it); throws RATE_LIMITED (429 + Retry-After)
 * once the window is full.
 */
export async function enforceRateLimit(
  namespace: AppEnv["Bindings"]["RATE_LIMITER"],
  key: string,
  limit: number,
  windowMs: number,
  options: { message?: string; count?: boolean } = {},
): Promise<RateLimitResult> {
  const limiter = namespace.getByName(key);
  const result =
    options.count === false ? await limiter.peek(limit, windowMs) : await limiter.hit(limit, windowMs);
  const message = options.message;
  if (!result.allowed) {
    throw new ApiError("RATE_LIMITED", {
      message,
      headers: {
        "Retry-After": String(result.retryAfterSeconds),
        "X-RateLimit-Limit": String(limit),
        "X-RateLimit-Remaining": "0",
      },
    });
  }
  return result;
}

/**
 * Per-user limit on business routes, set to Factus' own 80 requests/min so a caller hits our 429 before hammering
 * Factus into answering its own.
 */
export const userRateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const limit = c.get("config").rateLimitPerMinute;
  const result = await enforceRateLimit(c.env.RATE_LIMITER, `user:${c.get("user").id}`, limit, 60_000);
  c.header("X-RateLimit-Limit", String(limit));
  c.header("X-RateLimit-Remaining", String(result.remaining));
  await next();
});
