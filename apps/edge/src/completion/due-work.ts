import { type Pacer, runBatches } from "../batches/runner";
import { runLedgerSyncs } from "../ledger/sync";
import { type Config, type Env, readConfig } from "../platform/config";
import { countingFactusCalls } from "../platform/factus-calls";
import { deliverDue } from "../webhooks/deliveries";
import { attemptJob } from "./attempt";
import { dueJobs } from "./jobs";

// What a company's alarm runs (company-work.ts): its documents to finish, batch items, ledger syncs and webhooks.

/** Jobs attempted per alarm; the rest wait for the next alarm, a moment later. */
const JOBS_PER_ALARM = 25;

let config: { env: Env; value: Config } | undefined;
export const configOf = (env: Env) => {
  if (config?.env !== env) config = { env, value: readConfig(env) };
  return config.value;
};

/** The earliest moment a company has background work due, or null when it has none. */
async function nextDue(db: D1Database, nit: string) {
  const row = await db
    .prepare(
      `SELECT MIN(at) AS at FROM (
         SELECT MIN(MAX(next_attempt_at, lease_until)) AS at FROM document_jobs
           WHERE company_nit = ?1 AND state = 'scheduled'
         UNION ALL
         SELECT MIN(d.next_attempt_at) FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
           WHERE d.company_nit = ?1 AND d.state = 'pending' AND e.enabled = 1)`,
    )
    .bind(nit)
    .first<{ at: number | null }>();
  return row?.at ?? null;
}

/**
 * Runs a company's due background work (documents to finish, batch items to send, ledger syncs, webhooks to send);
 * returns when it is next due. Everything that calls Factus spends from the company's per-minute allowance (`pacer`).
 */
export async function runDueWork(env: Env, nit: string, pacer: Pacer) {
  const config = configOf(env);
  const now = Date.now();
  // Documents one at a time (each may wait on Factus), then batch items, then syncs' pages; webhooks together, beside
  // them.
  const factusWork = (async () => {
    for (const job of await dueJobs(env.DB, nit, now, JOBS_PER_ALARM)) {
      if ((await pacer.allowance()) < 1) return [await pacer.nextFree(), null];
      const { calls } = await countingFactusCalls(() => attemptJob(env, config, job));
      await pacer.spend(calls);
    }
    const batchesDue = await runBatches(env, config, nit, pacer);
    const syncsDue = await runLedgerSyncs(env, config, nit, pacer);
    return [batchesDue, syncsDue];
  })();
  const [[batchesDue, syncsDue]] = await Promise.all([factusWork, deliverDue(env, config, nit, now)]);
  // A verdict found by a job queues its webhook: sent in the same alarm, not a schedule step later.
  await deliverDue(env, config, nit);
  const due = [await nextDue(env.DB, nit), batchesDue, syncsDue].filter((at): at is number => at !== null);
  return due.length ? Math.min(...due) : null;
}
