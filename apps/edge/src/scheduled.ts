import { wakeCompany } from "./completion/wake";
import type { Env } from "./platform/config";

/** How long a finished document job (and a delivered or failed webhook message) is kept for the record. */
const FINISHED_DAYS = 30;
/** Work this late was missed by its company's alarm (a lost alarm, a deploy in between): the cron wakes it. */
const OVERDUE_MS = 60_000;

/**
 * Drops idempotency keys past their 24 h, finished jobs and webhook messages older than FINISHED_DAYS, kept caller
 * tokens nothing waits for, and leases of crashed holders, so D1 does not grow with every request ever made.
 */
export async function purgeExpired(db: D1Database, now = Date.now()) {
  const before = now - FINISHED_DAYS * 86_400_000;
  const [keys, jobs, deliveries, tokens] = await db.batch([
    db.prepare("DELETE FROM idempotency_keys WHERE expires_at <= ?1").bind(now),
    db
      .prepare(
        "DELETE FROM document_jobs WHERE state NOT IN ('scheduled', 'needs_token') AND updated_at <= ?1",
      )
      .bind(before),
    db.prepare("DELETE FROM webhook_deliveries WHERE state != 'pending' AND created_at <= ?1").bind(before),
    db
      .prepare(
        `DELETE FROM company_tokens WHERE expires_at <= ?1 OR company_nit NOT IN
           (SELECT company_nit FROM document_jobs WHERE state IN ('scheduled', 'needs_token'))`,
      )
      .bind(now),
    // Leases of holders that crashed (a live one is deleted by its holder).
    db.prepare("DELETE FROM invoice_leases WHERE expires_at <= ?1").bind(now),
  ]);
  const removed = {
    idempotency_keys: keys?.meta.changes ?? 0,
    document_jobs: jobs?.meta.changes ?? 0,
    webhook_deliveries: deliveries?.meta.changes ?? 0,
    company_tokens: tokens?.meta.changes ?? 0,
  };
  console.log(JSON.stringify({ level: "info", msg: "purged expired rows", ...removed }));
  return removed;
}

/** Wakes every company with background work overdue; returns how many. */
export async function wakeOverdue(env: Env, now = Date.now()) {
  const { results } = await env.DB.prepare(
    `SELECT company_nit FROM document_jobs WHERE state = 'scheduled' AND next_attempt_at <= ?1
     UNION SELECT company_nit FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= ?1
     UNION SELECT b.company_nit FROM invoice_batch_items i JOIN invoice_batches b ON b.id = i.batch_id
       WHERE b.status IN ('queued', 'running') AND i.status IN ('queued', 'issuing') AND i.next_attempt_at <= ?1
     UNION SELECT company_nit FROM ledger_syncs WHERE status IN ('queued', 'running') AND next_attempt_at <= ?1`,
  )
    .bind(now - OVERDUE_MS)
    .all<{ company_nit: string }>();
  await Promise.all(results.map((row) => wakeCompany(env, row.company_nit, now)));
  return results.length;
}

/** The cron Trigger (wrangler.jsonc `triggers.crons`, every 5 minutes): re-drives overdue work; purges hourly. */
export async function onSchedule(controller: ScheduledController, env: Env) {
  await wakeOverdue(env, controller.scheduledTime);
  if (new Date(controller.scheduledTime).getUTCMinutes() < 5)
    await purgeExpired(env.DB, controller.scheduledTime);
}
