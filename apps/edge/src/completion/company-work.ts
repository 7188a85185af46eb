import { DurableObject } from "cloudflare:workers";
import { type Pacer, runBatches } from "../batches/runner";
import { runLedgerSyncs } from "../ledger/sync";
import { type Config, type Env, readConfig } from "../platform/config";
import { countingFactusCalls } from "../platform/factus-calls";
import { deliverDue } from "../webhooks/deliveries";
import { attemptJob } from "./attempt";
import { dueJobs } from "./jobs";

// Why a Durable Object alarm, and not a Workflow or a Queue: the work's state lives in D1 (the routes read it:
// a document's attempts, an endpoint's deliveries), so what is needed is only a clock per company that survives a
// restart and runs one thing at a time. An alarm is stored with its object (locally too: a restarted `wrangler dev`
// fires it), a failed alarm is retried by the runtime, and the cron re-drives any company whose work is overdue.
// A local Queue keeps its messages in memory, and a local Workflow asleep may not wake after a restart.

/** Jobs attempted per alarm; the rest wait for the next alarm, a moment later. */
const JOBS_PER_ALARM = 25;

let config: { env: Env; value: Config } | undefined;
const configOf = (env: Env) => {
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

/** The company's Factus calls in the last minute, kept in the object's storage (a restart does not reset them). */
class MinutePacer implements Pacer {
  private calls: number[] | undefined;
  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly perMinute: number,
  ) {}
  private async window() {
    this.calls ??= (await this.storage.get<number[]>("factus-calls")) ?? [];
    const since = Date.now() - 60_000;
    while (this.calls.length && this.calls[0]! <= since) this.calls.shift();
    return this.calls;
  }
  async allowance() {
    return this.perMinute - (await this.window()).length;
  }
  async spend(calls: number) {
    const window = await this.window();
    for (let i = 0; i < calls; i++) window.push(Date.now());
    await this.storage.put("factus-calls", window);
  }
  async nextFree() {
    return ((await this.window())[0] ?? Date.now()) + 60_000;
  }
}

/** One per Factus company (by NIT): the alarm clock of its background work. */
export class CompanyWork extends DurableObject<Env> {
  /** Runs the company's work at `at`, or sooner if it is already due sooner. */
  async wake(companyNit: string, at: number) {
    if ((await this.ctx.storage.get<string>("company")) !== companyNit)
      await this.ctx.storage.put("company", companyNit);
    const current = await this.ctx.storage.getAlarm();
    if (current === null || at < current) await this.ctx.storage.setAlarm(Math.max(at, Date.now()));
  }

  override async alarm() {
    const nit = await this.ctx.storage.get<string>("company");
    if (!nit) return;
    const pacer = new MinutePacer(this.ctx.storage, configOf(this.env).backgroundFactusCallsPerMinute);
    const next = await runDueWork(this.env, nit, pacer);
    const current = await this.ctx.storage.getAlarm();
    // A wake during this run may have set an earlier alarm already.
    if (next !== null && (current === null || next < current))
      await this.ctx.storage.setAlarm(Math.max(next, Date.now()));
  }
}
