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

/** The longest a growing back-off can lock a bucket. */
const MAX_LOCK_MS = 24 * 3600_000;

/**
 * A fixed-window counter per key (an e-mail, an IP, a Factus account: the login throttles). One object per key
 * serializes its counts, so concurrent requests can never both take the last slot; the window lives in the object's
 * SQLite storage, so it survives the object being evicted or rebuilt (in memory it would reset after a few idle
 * seconds).
 */
export class RateLimiter extends DurableObject {
  constructor(ctx: DurableObjectState, env: Cloudflare.Env) {
    super(ctx, env);
    ctx.storage.sql.exec(
      `CREATE TABLE IF NOT EXISTS bucket (
         id INTEGER PRIMARY KEY CHECK (id = 1), start INTEGER NOT NULL, ends INTEGER NOT NULL,
         count INTEGER NOT NULL, strikes INTEGER NOT NULL)`,
    );
  }

  private load(windowMs: number, now: number) {
    const row = this.ctx.storage.sql
      .exec<{ start: number; ends: number; count: number; strikes: number }>(
        "SELECT start, ends, count, strikes FROM bucket WHERE id = 1",
      )
      .toArray()[0];
    return row && now < row.ends ? row : { start: now, ends: now + windowMs, count: 0, strikes: 0 };
  }

  private save(state: { start: number; ends: number; count: number; strikes: number }) {
    this.ctx.storage.sql.exec(
      `INSERT INTO bucket (id, start, ends, count, strikes) VALUES (1, ?1, ?2, ?3, ?4)
       ON CONFLICT (id) DO UPDATE SET start = ?1, ends = ?2, count = ?3, strikes = ?4`,
      state.start,
      state.ends,
      state.count,
      state.strikes,
    );
  }

  /**
   * Takes one slot before the attempt runs (so a burst cannot all pass a check made before any is counted), or
   * refuses. With `backoff`, every refused attempt doubles how long the bucket stays locked (up to 24 h).
   */
  reserve(limit: number, windowMs: number, backoff = false): RateLimitResult {
    const now = Date.now();
    const state = this.load(windowMs, now);
    const allowed = state.count < limit;
    if (allowed) state.count++;
    else if (backoff) {
      state.strikes++;
      state.ends = Math.max(
        state.ends,
        now + Math.min(MAX_LOCK_MS, windowMs * 2 ** Math.min(state.strikes, 10)),
      );
    }
    this.save(state);
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - state.count),
      retryAfterSeconds: Math.max(1, Math.ceil((state.ends - now) / 1000)),
    };
  }

  /** Gives back a slot `reserve` took, when the attempt turned out not to count (a successful login). */
  refund(windowMs: number) {
    const now = Date.now();
    const state = this.load(windowMs, now);
    if (state.count > 0) state.count--;
    this.save(state);
  }

  reset() {
    this.ctx.storage.sql.exec("DELETE FROM bucket");
  }
}

type Namespace = AppEnv["Bindings"]["RATE_LIMITER"];

/** RATE_LIMITED with the headers a client needs to wait the right time. */
export const rateLimited = (result: RateLimitResult, message?: string) =>
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
  backoff?: boolean;
}

/**
 * Reserves a slot in every bucket at once, or none: when one is full, the slots taken in the others are given back
 * and RATE_LIMITED answers with the longest wait. Returns a refund for when the attempt turns out not to count.
 */
export async function reserveAll(namespace: Namespace, buckets: readonly Bucket[], message: string) {
  const results = await Promise.all(
    buckets.map((bucket) =>
      namespace.getByName(bucket.key).reserve(bucket.limit, bucket.windowMs, bucket.backoff),
    ),
  );
  const refund = () =>
    Promise.all(
      buckets.flatMap((bucket, index) =>
        results[index]?.allowed ? [namespace.getByName(bucket.key).refund(bucket.windowMs)] : [],
      ),
    );
  const refused = results.filter((result) => !result.allowed);
  if (refused.length) {
    await refund();
    throw rateLimited(
      refused.reduce((longest, result) =>
        result.retryAfterSeconds > longest.retryAfterSeconds ? result : longest,
      ),
      message,
    );
  }
  return refund;
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
  const limit = c.get("config").rateLimitPerMinute;
  let allowed = true;
  try {
    ({ success: allowed } = await c.env.USER_RATE_LIMIT.limit({ key: `user:${c.get("user").id}` }));
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
    throw rateLimited({ allowed, limit, remaining: 0, retryAfterSeconds: secondsToNextWindow(60) });
  }
  c.header("X-RateLimit-Limit", String(limit));
  await next();
});
