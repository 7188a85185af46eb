import { DurableObject } from "cloudflare:workers";

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
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
