import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context";
import { ApiError } from "../lib/errors";

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/** How long a first attempt holds its key: past this, a crashed attempt's key can be taken over. */
export const IDEMPOTENCY_LOCK_MS = 60_000;
/** How long a duplicate waits for the first attempt to finish before answering IDEMPOTENCY_IN_PROGRESS. */
const WAIT_FOR_FIRST_MS = 5_000;
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
/** Response headers worth replaying. */
const REPLAYED_HEADERS = ["content-type", "location"];
/**
 * Answers worth replaying: the request was carried out (2xx), or is refused for what it is (bad body, unknown
 * invoice, DIAN's verdict). Anything else (401 token, 409 blocked range, 429, 5xx) may succeed on a retry, so the key
 * is released for it.
 */
const FINAL_STATUSES = (status: number) =>
  (status >= 200 && status < 300) || [400, 404, 413, 415, 422].includes(status);

interface StoredKey {
  fingerprint: string;
  locked_until: number | null;
  response_status: number | null;
  response_headers: string | null;
  response_body: string | null;
  expires_at: number;
}

async function sha256Hex(text: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function replay(stored: StoredKey) {
  const headers = new Headers(JSON.parse(stored.response_headers ?? "{}"));
  headers.set("Idempotent-Replayed", "true");
  return new Response(stored.response_body, { status: stored.response_status ?? 200, headers });
}

/**
 * `Idempotency-Key` on POST (SPEC §2), stored per user in D1 for 24 h with a fingerprint of method, path and body:
 * the same key and body replays the stored answer; another body is IDEMPOTENCY_KEY_REUSED (422); a duplicate that
 * arrives while the first runs waits for it a few seconds, then gets IDEMPOTENCY_IN_PROGRESS (409). Answers that a
 * retry could change (5xx, 429, 401, 409) are not stored, so a retry after an upstream failure is attempted again;
 * Factus itself refuses a second bill with the same reference_code, so that retry cannot issue a duplicate either.
 */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header("idempotency-key");
  if (key === undefined) return next();
  if (!KEY_FORMAT.test(key)) {
    throw new ApiError("VALIDATION_FAILED", {
      details: [{ path: "header.Idempotency-Key", message: "1 a 255 caracteres ASCII visibles" }],
    });
  }
  const db = c.env.DB;
  const userId = c.get("user").id;
  const fingerprint = await sha256Hex(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;

  for (;;) {
    const now = Date.now();
    const claimed = await db
      .prepare(
        `INSERT INTO idempotency_keys (user_id, idempotency_key, fingerprint, locked_until, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (user_id, idempotency_key) DO UPDATE SET
           fingerprint = excluded.fingerprint, locked_until = excluded.locked_until, response_status = NULL,
           response_headers = NULL, response_body = NULL, created_at = excluded.created_at, expires_at = excluded.expires_at
         WHERE idempotency_keys.expires_at <= ?5
            OR (idempotency_keys.response_status IS NULL AND idempotency_keys.locked_until <= ?5
                AND idempotency_keys.fingerprint = excluded.fingerprint)`,
      )
      .bind(userId, key, fingerprint, now + IDEMPOTENCY_LOCK_MS, now, now + IDEMPOTENCY_TTL_MS)
      .run();
    if (claimed.meta.changes === 1) break;

    const stored = await db
      .prepare(
        `SELECT fingerprint, locked_until, response_status, response_headers, response_body, expires_at
         FROM idempotency_keys WHERE user_id = ?1 AND idempotency_key = ?2`,
      )
      .bind(userId, key)
      .first<StoredKey>();
    if (!stored) continue; // released between our two statements: claim it again
    if (stored.fingerprint !== fingerprint) throw new ApiError("IDEMPOTENCY_KEY_REUSED");
    if (stored.response_status !== null) return replay(stored);
    if (Date.now() >= deadline)
      throw new ApiError("IDEMPOTENCY_IN_PROGRESS", { headers: { "Retry-After": "2" } });
    await sleep(100);
  }

  try {
    await next();
  } catch (error) {
    await release(db, userId, key);
    throw error;
  }
  if (!FINAL_STATUSES(c.res.status)) {
    await release(db, userId, key);
    return;
  }
  const headers = Object.fromEntries(
    REPLAYED_HEADERS.flatMap((name) => {
      const value = c.res.headers.get(name);
      return value === null ? [] : [[name, value]];
    }),
  );
  await db
    .prepare(
      `UPDATE idempotency_keys SET response_status = ?3, response_headers = ?4, response_body = ?5, locked_until = NULL
       WHERE user_id = ?1 AND idempotency_key = ?2`,
    )
    .bind(userId, key, c.res.status, JSON.stringify(headers), await c.res.clone().text())
    .run();
});

function release(db: D1Database, userId: string, key: string) {
  return db
    .prepare("DELETE FROM idempotency_keys WHERE user_id = ?1 AND idempotency_key = ?2")
    .bind(userId, key)
    .run();
}
