import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { afterAnswer } from "../after-answer";
import type { AppEnv } from "../context";
import { takeDeferredWrites } from "../deferred-writes";
import { ApiError } from "../errors";
import { sha256Hex } from "../sha256";

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/** How long a first attempt holds its key: past this, a crashed attempt's key can be taken over. */
export const IDEMPOTENCY_LOCK_MS = 60_000;
/** The largest answer kept for replay, in characters; every answer of this API fits many times over. */
export const MAX_STORED_ANSWER_CHARS = 256 * 1024;
/** How long a duplicate waits for the first attempt to finish before answering IDEMPOTENCY_IN_PROGRESS. */
const WAIT_FOR_FIRST_MS = 5_000;
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
/** Response headers worth replaying. */
const REPLAYED_HEADERS = ["content-type", "location", "x-document-recovered"];
/**
 * Answers worth replaying: the request was carried out (2xx), or is refused for what it is (bad body, unknown
 * invoice, DIAN's verdict). Anything else (401 token, 409 blocked range, 429, 5xx) may succeed on a retry, so the key
 * is released for it; so is a 202 (DIAN has not answered yet): a retry with the key re-sends, Factus' own retry.
 */
const FINAL_STATUSES = (status: number) =>
  (status >= 200 && status < 300 && status !== 202) || [400, 404, 413, 415, 422].includes(status);

interface StoredKey {
  fingerprint: string;
  locked_until: number | null;
  response_status: number | null;
  response_headers: string | null;
  response_body: string | null;
  expires_at: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function replay(stored: StoredKey) {
  const headers = new Headers(JSON.parse(stored.response_headers ?? "{}"));
  headers.set("Idempotent-Replayed", "true");
  return new Response(stored.response_body, { status: stored.response_status ?? 200, headers });
}

/**
 * `Idempotency-Key` on POST, stored per owner (`ownerOf`: the user and its Factus company) in D1 for 24 h with a fingerprint of method, path and body:
 * the same key and body replays the stored answer; another body is IDEMPOTENCY_KEY_REUSED (422); a duplicate that
 * arrives while the first runs waits for it a few seconds, then gets IDEMPOTENCY_IN_PROGRESS (409). Answers that a
 * retry could change (5xx, 429, 401, 409, 202) are not stored, so a retry after an upstream failure is attempted
 * again; a create whose Factus answer was lost keeps the key as "outcome unknown", and its next try looks the invoice
 * up by reference_code before it ever sends again.
 */
export const idempotency = (ownerOf: (c: Context<AppEnv>) => Promise<string>) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (key === undefined) return next();
    if (!KEY_FORMAT.test(key)) {
      throw new ApiError("VALIDATION_FAILED", {
        details: [{ path: "header.Idempotency-Key", message: "1 a 255 caracteres ASCII visibles" }],
      });
    }
    const db = c.env.DB;
    // Whose keys these are: the route says (the user, and the Factus company its token acts for), so one key can never
    // replay one company's document to another.
    const userId = await ownerOf(c);
    const fingerprint = await sha256Hex(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;

    for (;;) {
      const now = Date.now();
      // One D1 round trip for both: claim the key (new, expired, or unfinished by a holder that crashed or lost
      // Factus' answer) and read what it holds, for when the claim does not take (a replay, a duplicate in flight).
      // The claim says whether an earlier try may have sent the document without its answer being stored (it lost
      // Factus' answer, crashed, or its answer's write failed: a key taken over unfinished): the handler then looks
      // in Factus before sending.
      const [claim, read] = await db.batch([
        db
          .prepare(
            `INSERT INTO idempotency_keys (user_id, idempotency_key, fingerprint, locked_until, created_at, expires_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6)
           ON CONFLICT (user_id, idempotency_key) DO UPDATE SET
             fingerprint = excluded.fingerprint, locked_until = excluded.locked_until, response_status = NULL,
             response_headers = NULL, response_body = NULL, created_at = excluded.created_at,
             expires_at = excluded.expires_at,
             outcome_unknown = CASE WHEN idempotency_keys.expires_at <= ?5 THEN 0 ELSE 1 END
           WHERE idempotency_keys.expires_at <= ?5
              OR (idempotency_keys.response_status IS NULL AND idempotency_keys.locked_until <= ?5
                  AND idempotency_keys.fingerprint = excluded.fingerprint)
           RETURNING outcome_unknown`,
          )
          .bind(userId, key, fingerprint, now + IDEMPOTENCY_LOCK_MS, now, now + IDEMPOTENCY_TTL_MS),
        db
          .prepare(
            `SELECT fingerprint, locked_until, response_status, response_headers, response_body, expires_at
           FROM idempotency_keys WHERE user_id = ?1 AND idempotency_key = ?2`,
          )
          .bind(userId, key),
      ]);
      const claimed = claim?.results[0] as { outcome_unknown: number } | undefined;
      if (claimed) {
        c.set("reconcileFirst", claimed.outcome_unknown === 1);
        break;
      }

      // The batch is one transaction, so a key the claim did not take is there to read.
      const stored = read?.results[0] as StoredKey | undefined;
      if (stored && stored.fingerprint !== fingerprint) throw new ApiError("IDEMPOTENCY_KEY_REUSED");
      if (stored && stored.response_status !== null) return replay(stored);
      if (Date.now() >= deadline)
        throw new ApiError("IDEMPOTENCY_IN_PROGRESS", { headers: { "Retry-After": "2" } });
      await sleep(100);
    }

    // A try that lost Factus' answer keeps the key as "outcome unknown" rather than releasing it.
    const unfinished = () =>
      db.batch([
        c.get("outcomeUnknown") ? markOutcomeUnknown(db, userId, key) : release(db, userId, key),
        ...takeDeferredWrites(c),
      ]);
    try {
      await next();
    } catch (error) {
      await unfinished();
      throw error;
    }
    if (!FINAL_STATUSES(c.res.status)) {
      await unfinished();
      return;
    }
    const body = await c.res.clone().text();
    if (body.length > MAX_STORED_ANSWER_CHARS) {
      // Too large to keep (D1 rows stop at 2 MB): the key stays "outcome unknown", so a retry looks the document up
      // in Factus by its reference code and answers with it instead of replaying a copy.
      await db.batch([markOutcomeUnknown(db, userId, key), ...takeDeferredWrites(c)]);
      return;
    }
    const headers = Object.fromEntries(
      REPLAYED_HEADERS.flatMap((name) => {
        const value = c.res.headers.get(name);
        return value === null ? [] : [[name, value]];
      }),
    );
    // Stored after the answer: the caller does not wait for this round trip. Until it lands, a duplicate waits for it
    // (the key is locked); if it fails, the key is taken over unfinished once its lock lapses and its next try looks
    // the document up in Factus before sending (outcome unknown). The ledger's writes share it (one transaction).
    const ledger = takeDeferredWrites(c);
    const store = db
      .batch([
        db
          .prepare(
            `UPDATE idempotency_keys SET response_status = ?3, response_headers = ?4, response_body = ?5,
             locked_until = NULL, outcome_unknown = 0
           WHERE user_id = ?1 AND idempotency_key = ?2`,
          )
          .bind(userId, key, c.res.status, JSON.stringify(headers), body),
        ...ledger,
      ])
      .catch(async () => {
        console.warn(
          JSON.stringify({
            level: "warn",
            msg: "idempotency answer not stored",
            request_id: c.get("requestId"),
          }),
        );
        // Written apart so a document is not missed by the ledger for the key's sake (the ledger sync is the backstop).
        if (ledger.length) await db.batch(ledger);
      });
    await afterAnswer(c, store);
  });

function release(db: D1Database, userId: string, key: string) {
  return db
    .prepare("DELETE FROM idempotency_keys WHERE user_id = ?1 AND idempotency_key = ?2")
    .bind(userId, key);
}

/** Unlocks the key but remembers that Factus' answer was lost, so its next try reconciles before sending. */
function markOutcomeUnknown(db: D1Database, userId: string, key: string) {
  return db
    .prepare(
      `UPDATE idempotency_keys SET locked_until = 0, outcome_unknown = 1
       WHERE user_id = ?1 AND idempotency_key = ?2`,
    )
    .bind(userId, key);
}
