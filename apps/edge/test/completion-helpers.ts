import { env } from "cloudflare:workers";
import { api, emulator, expectStatus, type Session } from "./helpers";

// Driving the gateway's background work from a test: the suite's schedule is an hour (vitest.config.ts), so a test
// moves a job's next attempt to now and wakes the company's Durable Object; what then runs is the real alarm, the
// real job and real deliveries to the emulator's receiver.

export interface JobRow {
  company_nit: string;
  state: string;
  attempts: number;
  document_number: string | null;
  next_attempt_at: number | null;
}

export const jobOf = (reference: string) =>
  env.DB.prepare("SELECT * FROM document_jobs WHERE reference_code = ?1").bind(reference).first<JobRow>();

/** Makes the reference's job due now and wakes its company, until it leaves `scheduled` (or the time runs out). */
export async function runJobUntilSettled(reference: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await jobOf(reference);
    if (!job) throw new Error(`no job for ${reference}`);
    if (job.state !== "scheduled" || Date.now() > deadline) return job;
    await env.DB.prepare("UPDATE document_jobs SET next_attempt_at = ?2 WHERE reference_code = ?1")
      .bind(reference, Date.now())
      .run();
    await env.COMPANY_WORK.getByName(job.company_nit).wake(job.company_nit, Date.now());
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A webhook endpoint of the session's company, delivering to a fresh inbox of the emulator's receiver. */
export async function registerEndpoint(session: Session, events: string[]) {
  const inbox = emulator.webhookInbox(`inbox-${crypto.randomUUID()}`);
  const created = await expectStatus(
    await api(session, "/webhook-endpoints", { method: "POST", body: { url: inbox.url, events } }),
    201,
  );
  return { inbox, endpoint: created.data as { id: string; secret: string } };
}
