import { DurableObject } from "cloudflare:workers";
import type { Pacer } from "../batches/runner";
import type { Env } from "../platform/config";

// Why a Durable Object alarm, and not a Workflow or a Queue: the work's state lives in D1 (the routes read it:
// a document's attempts, an endpoint's deliveries), so what is needed is only a clock per company that survives a
// restart and runs one thing at a time. An alarm is stored with its object (locally too: a restarted `wrangler dev`
// fires it), a failed alarm is retried by the runtime, and the cron re-drives any company whose work is overdue.
// A local Queue keeps its messages in memory, and a local Workflow asleep may not wake after a restart.

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
    // Loaded on the first alarm, not with the class: the work's modules build schemas an isolate need not start with.
    const { configOf, runDueWork } = await import("./due-work");
    const pacer = new MinutePacer(this.ctx.storage, configOf(this.env).backgroundFactusCallsPerMinute);
    const next = await runDueWork(this.env, nit, pacer);
    const current = await this.ctx.storage.getAlarm();
    // A wake during this run may have set an earlier alarm already.
    if (next !== null && (current === null || next < current))
      await this.ctx.storage.setAlarm(Math.max(next, Date.now()));
  }
}
