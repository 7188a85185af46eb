import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./context";
import { ApiError } from "./errors";
import type { RateLimitResult } from "./rate-limiter-object";

type Namespace = AppEnv["Bindings"]["RATE_LIMITER"];

/** RATE_LIMITED with the headers a client needs to wait the right time (nothing remains: it is refused). */
const rateLimited = (result: Pick<RateLimitResult, "limit" | "retryAfterSeconds">, message?: string) =>
  new ApiError("RATE_LIMITED", {
    message,
    headers: {
      "Retry-After": String(result.retryAfterSeconds),
      "X-RateLimit-Limit": String(result.limit),
      "X-RateLimit-Remaining": "0",
    },
  });

export interface Bucket {
  key: string;
  limit: number;
  windowMs: number;
  /** Each time the window fills it stays closed twice as long as the last (rate-limiter-object.ts). */
  backoff?: boolean;
  /** A success makes this bucket vouch for its caller this long (ms): see `waivable`. */
  trustMs?: number;
  /** Not applied to a caller another bucket of the same set vouches for. */
  waivable?: boolean;
  /** What the bucket counted before this instant (ms) is discarded. */
  clearedAt?: number;
}

/**
 * Reserves a slot in every bucket at once, or none: when one is full, the slots taken in the others are given back
 * and RATE_LIMITED answers with the longest wait. Returns what to call when the attempt succeeded: it gives the
 * slots back, forgets the back-off and records the trust of the buckets that keep it.
 */
export async function reserveAll(namespace: Namespace, buckets: readonly Bucket[], message: string) {
  const results = await Promise.all(
    buckets.map((bucket) =>
      namespace
        .getByName(bucket.key)
        .reserve(bucket.limit, bucket.windowMs, { backoff: bucket.backoff, clearedAt: bucket.clearedAt }),
    ),
  );
  const vouched = results.some((result) => result.trusted);
  const taken = buckets.filter((_, index) => results[index]?.allowed);
  const refused = results.filter(
    (result, index) => !result.allowed && !(vouched && buckets[index]?.waivable),
  );
  if (refused.length) {
    await Promise.all(taken.map((bucket) => namespace.getByName(bucket.key).release(bucket.windowMs)));
    throw rateLimited(
      refused.reduce((longest, result) =>
        result.retryAfterSeconds > longest.retryAfterSeconds ? result : longest,
      ),
      message,
    );
  }
  return () =>
    Promise.all(
      taken.map((bucket) => namespace.getByName(bucket.key).succeed(bucket.windowMs, bucket.trustMs)),
    );
}

/**
 * Seconds until the binding's next window: it counts in fixed windows of `period` seconds (aligned to the clock in
 * the local simulator), so the wait is never longer than one period.
 */
const secondsToNextWindow = (periodSeconds: number, now = Date.now()) =>
  periodSeconds - (Math.floor(now / 1000) % periodSeconds);

/**
 * Per-user limit on business routes, set to Factus' own 80 requests/min so a caller hits our 429 before hammering
 * Factus into answering its own. Counted by the Workers Rate Limiting binding at the caller's Cloudflare location:
 * no round trip to a single place on Earth on every request, at the price of counts that are per location and
 * eventually consistent (a client spread over several locations may pass the limit a little; Factus' own limit
 * still stands behind it). The binding says only yes or no, so X-RateLimit-Remaining is sent only with a 429
 * (as 0). If the limiter itself fails the request goes on (fail open, logged): refusing every business call because
 * a counter is unreachable would stop invoicing altogether.
 */
export const userRateLimit = createMiddleware<AppEnv>(async (c, next) => {
  // A write placed near Factus was counted at the edge that received it.
  if (c.get("config").placed) return next();
  const limit = c.get("config").rateLimitPerMinute;
  let allowed = true;
  try {
    // A system on an API key counts apart from its owner at a form.
    const apiKey = c.get("apiKey");
    const key = apiKey ? `key:${apiKey.id}` : `user:${c.get("user").id}`;
    ({ success: allowed } = await c.env.USER_RATE_LIMIT.limit({ key }));
  } catch {
    console.warn(
      JSON.stringify({
        level: "warn",
        msg: "rate limiter unavailable; request let through",
        request_id: c.get("requestId"),
      }),
    );
  }
  if (!allowed) {
    throw rateLimited({ limit, retryAfterSeconds: secondsToNextWindow(60) });
  }
  c.header("X-RateLimit-Limit", String(limit));
  await next();
});
