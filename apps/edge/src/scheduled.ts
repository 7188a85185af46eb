/** How long the request of a document DIAN never answered is kept for /retry. */
const PENDING_REQUEST_DAYS = 30;

/**
 * The cron Trigger (wrangler.jsonc `triggers.crons`): drops idempotency keys past their 24 h and requests of pending
 * documents older than PENDING_REQUEST_DAYS, so D1 does not grow with every request ever made. Returns what it
 * removed.
 */
export async function purgeExpired(db: D1Database, now = Date.now()) {
  const [keys, requests] = await db.batch([
    db.prepare("DELETE FROM idempotency_keys WHERE expires_at <= ?1").bind(now),
    db
      .prepare("DELETE FROM pending_requests WHERE created_at <= ?1")
      .bind(now - PENDING_REQUEST_DAYS * 86_400_000),
    // Leases of holders that crashed (a live one is deleted by its holder).
    db.prepare("DELETE FROM invoice_leases WHERE expires_at <= ?1").bind(now),
  ]);
  const removed = {
    idempotency_keys: keys?.meta.changes ?? 0,
    pending_requests: requests?.meta.changes ?? 0,
  };
  console.log(JSON.stringify({ level: "info", msg: "purged expired rows", ...removed }));
  return removed;
}
