import { FactusAuthenticationError } from "@factus-edge/factus-client/errors";
import type { Context } from "hono";
import { issueDocument } from "../documents/issue";
import { FLOWS } from "../documents/kinds";
import type { AnyFlow } from "../documents/kinds/flow";
import { findByReference } from "../documents/lookup";
import { flushLedger } from "../ledger/ledger";
import { nextAttemptAt } from "../platform/backoff";
import type { Config, Env } from "../platform/config";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";
import { inRequestContext } from "../platform/request-context";
import { publish } from "../webhooks/deliveries";
import { backgroundVariables, credentialFor, forgetCompanyToken, withCredential } from "./credentials";
import { claimJob, countAttempt, type FinalState, type JobRow, pauseJob, rescheduleJob } from "./jobs";
import { documentSettled, finalStateOf } from "./outcomes";

// One background attempt on a document the gateway owns: reconcile by reference first (the verdict may already be
// in Factus), and only while DIAN has not answered, re-send it as Factus' official retry does (same payload, same
// reference), through the very lifecycle a caller's request goes through (documents/issue.ts).

type Outcome = { state: "pending" } | { state: FinalState; document?: unknown };

async function resend(c: Context<AppEnv>, flow: AnyFlow, job: JobRow): Promise<Outcome> {
  const found = await findByReference(c, flow, job.reference_code);
  if (found !== undefined) {
    // The reference now names another document (the one kept was deleted, another took its place).
    if (job.document_number && flow.record(found).number !== job.document_number)
      return { state: "superseded" };
    const final = finalStateOf(flow, found);
    if (final) return { state: final, document: found };
  } else if (!flow.resendsUnissued) {
    // An unknown outcome that Factus now shows was never issued. A credit note is sent only after its invoice's
    // balance is checked under the invoice's lease, by its caller's request: the job never issues one on its own (it
    // could over-credit an invoice corrected meanwhile). The caller's retry with the same key issues it.
    return { state: "not_issued" };
  }
  try {
    const issued = await issueDocument(c, flow, JSON.parse(job.request));
    return issued.status === 202 ? { state: "pending" } : { state: "validated", document: issued.document };
  } catch (error) {
    if (error instanceof ApiError && error.code === "DIAN_REJECTED") return { state: "rejected" };
    if (error instanceof ApiError && error.code === "DIAN_DOCUMENT_ALREADY_PROCESSED")
      return { state: "already_processed" };
    throw error;
  }
}

/** Factus refused the credential itself (not the document): another credential, or a token, is needed. */
const isCredentialRefused = (error: unknown) =>
  error instanceof FactusAuthenticationError ||
  (error instanceof ApiError &&
    (error.code === "FACTUS_UNAUTHENTICATED" || error.code === "FACTUS_CONNECTION_NEEDS_REAUTH"));

/** Tells the company no credential is left to finish a document (once, when it pauses). */
async function tellNeedsToken(env: Env, job: JobRow) {
  await publish(env, job.company_nit, {
    type: "document.needs_token",
    data: () => ({
      kind: job.kind,
      reference_code: job.reference_code,
      number: job.document_number,
      message:
        "El servicio no tiene una credencial de Factus válida para terminar este documento: envíe cualquier " +
        "solicitud con X-Factus-Token de la empresa, o guarde una conexión (POST /api/v1/factus-connections).",
    }),
    subject: `${job.kind}:${job.reference_code}:needs_token:${job.created_at}`,
  });
}

/** Runs one attempt of a due job, unless someone else holds its document right now. */
export async function attemptJob(env: Env, config: Config, due: JobRow) {
  const job = await claimJob(env.DB, due.company_nit, due.kind, due.reference_code);
  if (!job) return;
  const credential = await credentialFor(env, job);
  if (!credential) {
    if (await pauseJob(env.DB, job)) await tellNeedsToken(env, job);
    return;
  }
  const flow = FLOWS[job.kind];
  const horizonMs = config.documentRetryHorizonHours * 3_600_000;
  try {
    await inRequestContext(env, backgroundVariables(config, job), async (c) => {
      await withCredential(c, env, credential);
      const outcome = await resend(c, flow, job).finally(() => flushLedger(c));
      if (outcome.state === "pending") {
        await rescheduleJob(
          env.DB,
          job,
          nextAttemptAt(config.documentRetrySchedule, horizonMs, job.created_at, job.attempts + 1),
          null,
        );
        return;
      }
      await countAttempt(env.DB, job);
      await documentSettled(c, flow, job.reference_code, outcome.state, outcome.document);
      await flushLedger(c);
    });
  } catch (error) {
    if (isCredentialRefused(error)) {
      // A refused kept token is dropped; a connection marks itself. The next attempt looks for another credential,
      // and pauses the job when none is left.
      if ("token" in credential) await forgetCompanyToken(env, job.company_nit);
      const soon = Date.now() + (config.documentRetrySchedule[0] ?? 0);
      await rescheduleJob(env.DB, job, soon, "Factus rechazó la credencial", job.attempts);
      return;
    }
    const reason = error instanceof ApiError ? `${error.code}: ${error.message}` : "Error inesperado";
    const next = nextAttemptAt(config.documentRetrySchedule, horizonMs, job.created_at, job.attempts + 1);
    await rescheduleJob(env.DB, job, next, reason.slice(0, 500));
    if (!(error instanceof ApiError))
      console.error(JSON.stringify({ level: "error", msg: "background attempt failed", kind: job.kind }));
  }
}
