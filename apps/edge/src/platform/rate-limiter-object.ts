import { DurableObject } from "cloudflare:workers";

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  retryAfterSeconds: number;
  /** A success was recorded in this bucket (`succeed` with `trustMs`) and is still remembered. */
  trusted: boolean;
}

export interface ReserveOptions {
  /**
   * Each time the window fills, it stays closed twice as long as the last time (one window, two, four… up to
   * 24 h), counted from the window's start; refused tries never lengthen it. Forgotten after a quiet day or a success.
   */
  backoff?: boolean;
  /** What the bucket recorded before this instant (ms) is discarded: an administrator's unlock. */
  clearedAt?: number;
}

/** The longest a growing back-off can close a bucket. */
const MAX_LOCK_MS = 24 * 3600_000;
/** A back-off bucket quiet this long after its last window forgets its lockouts. */
const FORGET_STRIKES_MS = 24 * 3600_000;

interface State {
  /** When this record began; `clearedAt` after it discards it. */
  since: number;
  start: number;
  ends: number;
  count: number;
  /** 1 once the current window filled and, with back-off, counted as a lockout. */
  locked: number;
  strikes: number;
  trusted_until: number;
}

const fresh = (now: number, windowMs: number): State => ({
  since: now,
  start: now,
  ends: now + windowMs,
  count: 0,
  locked: 0,
  strikes: 0,
  trusted_until: 0,
});

/**
 * A fixed-window counter per key (an IP + e-mail, an e-mail, an IP, a Factus account: the login throttles). One
 * object per key serializes its counts, so concurrent requests can never both take the last slot; the window lives
 * in the object's SQLite storage, so it survives the object being evicted or rebuilt (in memory it would reset after
 * a few idle seconds).
 */
export class RateLimiter extends DurableObject {
  constructor(ctx: DurableObjectState, env: Cloudflare.Env) {
    super(ctx, env);
    // `bucket` was the first layout, whose back-off grew with every refused try; its counts are dropped.
    ctx.storage.sql.exec(
      `DROP TABLE IF EXISTS bucket;
       CREATE TABLE IF NOT EXISTS throttle (
         id INTEGER PRIMARY KEY CHECK (id = 1), since INTEGER NOT NULL, start INTEGER NOT NULL,
         ends INTEGER NOT NULL, count INTEGER NOT NULL, locked INTEGER NOT NULL, strikes INTEGER NOT NULL,
         trusted_until INTEGER NOT NULL)`,
    );
  }

  /** The bucket as of `now`: a new window when the last one ended, a new record when it was cleared. */
  private load(windowMs: number, now: number, clearedAt = 0): State {
    const row = this.ctx.storage.sql
      .exec<{ [K in keyof State]: number }>(
        "SELECT since, start, ends, count, locked, strikes, trusted_until FROM throttle WHERE id = 1",
      )
      .toArray()[0];
    if (!row || row.since < clearedAt) return fresh(now, windowMs);
    if (now < row.ends) return row;
    const strikes = now >= row.ends + FORGET_STRIKES_MS ? 0 : row.strikes;
    return { ...row, start: now, ends: now + windowMs, count: 0, locked: 0, strikes };
  }

  private save(state: State) {
    this.ctx.storage.sql.exec(
      `INSERT INTO throttle (id, since, start, ends, count, locked, strikes, trusted_until)
       VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)
       ON CONFLICT (id) DO UPDATE SET since = ?1, start = ?2, ends = ?3, count = ?4, locked = ?5, strikes = ?6,
         trusted_until = ?7`,
      state.since,
      state.start,
      state.ends,
      state.count,
      state.locked,
      state.strikes,
      state.trusted_until,
    );
  }

  /**
   * Takes one slot before the attempt runs (so a burst cannot all pass a check made before any is counted), or
   * refuses until the window ends. A refused try changes nothing: it neither counts nor lengthens the wait.
   */
  reserve(limit: number, windowMs: number, options: ReserveOptions = {}): RateLimitResult {
    const now = Date.now();
    const state = this.load(windowMs, now, options.clearedAt);
    const allowed = state.count < limit;
    if (allowed) {
      state.count++;
      if (state.count >= limit && !state.locked) {
        state.locked = 1;
        if (options.backoff) {
          state.strikes++;
          const lockMs = Math.min(MAX_LOCK_MS, windowMs * 2 ** Math.min(state.strikes - 1, 10));
          state.ends = Math.max(state.ends, state.start + lockMs);
        }
      }
      this.save(state);
    }
    return {
      allowed,
      limit,
      retryAfterSeconds: Math.max(1, Math.ceil((state.ends - now) / 1000)),
      trusted: now < state.trusted_until,
    };
  }

  /** Gives back a slot `reserve` took, when another bucket refused the same attempt. */
  release(windowMs: number) {
    const state = this.load(windowMs, Date.now());
    if (state.count > 0) state.count--;
    this.save(state);
  }

  /**
   * The attempt succeeded (a login with the right password): its slot is given back, the lockouts are forgotten
   * and a lockout this window took is undone; with `trustMs`, the bucket vouches for its caller that long.
   */
  succeed(windowMs: number, trustMs = 0) {
    const now = Date.now();
    const state = this.load(windowMs, now);
    if (state.count > 0) state.count--;
    state.strikes = 0;
    if (state.locked) {
      state.locked = 0;
      state.ends = Math.min(state.ends, state.start + windowMs);
    }
    if (trustMs) state.trusted_until = Math.max(state.trusted_until, now + trustMs);
    this.save(state);
  }
}
