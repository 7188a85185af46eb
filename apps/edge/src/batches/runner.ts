import type { ErrorDetail } from "@factus-edge/contracts/schemas/errors";
import {
  backgroundVariables,
  type Credential,
  credentialFor,
  forgetCompanyToken,
  withCredential,
} from "../completion/credentials";
import { issueDocument } from "../documents/issue";
import { invoiceFlow } from "../documents/kinds/invoice";
import { flushLedger } from "../ledger/ledger";
import { doublingDelay } from "../platform/backoff";
import type { Config, Env } from "../platform/config";
import { ApiError } from "../platform/errors";
import { countingFactusCalls } from "../platform/factus-calls";
import { inRequestContext } from "../platform/request-context";
import { publish } from "../webhooks/deliveries";
import { statusCounts } from "./store";

// Issues a company's batch items one at a time, through the very path a single create takes (exactly once per
// reference, lost answers reconciled, pending ones handed to the background job), at the pace its Factus account
// allows: each item spends the Factus calls it really made from the company's per-minute allowance.

/** The company's Factus calls per minute, counted by its Durable Object (a sliding minute). */
export interface Pacer {
  /** Calls still allowed in the current minute. */
  allowance(): Promise<number>;
  spend(calls: number): Promise<void>;
  /** When the oldest call leaves the minute. */
  nextFree(): Promise<number>;
}

/** An item is sent only with room for its create and a lookup of a lost answer (two more pages at worst). */
const ROOM_PER_ITEM = 3;
/** Items per alarm: the object answers its other callers between runs. */
const ITEMS_PER_RUN = 40;
/**
 * Tries of an item Factus keeps failing for (unavailable, timing out, its answers lost) before it is reported
 * `failed`: waits double from 10 s up to 10 minutes, so about an hour and a half of Factus trouble for that invoice.
 */
const MAX_ATTEMPTS = 12;

interface DueItem {
  batch_id: string;
  idx: number;
  reference_code: string;
  request: string;
  status: "queued" | "issuing";
  attempts: number;
  user_id: string;
  api_key_id: string | null;
  connection_id: string | null;
}

type Result =
  | { status: "validated" | "pending"; number: string | null; cufe: string | null }
  | { status: "rejected" | "failed"; number: string | null; errors: ErrorDetail[] }
  | { status: "queued"; after: number; errors: ErrorDetail[]; stop?: boolean };

const detailsOf = (error: ApiError): ErrorDetail[] =>
  error.options.details?.length ? error.options.details : [{ path: "", message: error.message }];

/** What an item's failure means for it: a verdict, a failure to report, or another try later. */
function resultOfError(error: unknown, attempts: number): Result {
  if (!(error instanceof ApiError)) {
    return {
      status: "queued",
      after: doublingDelay(attempts),
      errors: [{ path: "", message: "Error inesperado" }],
    };
  }
  const number = error.options.document?.number ?? null;
  switch (error.code) {
    case "DIAN_REJECTED":
      return { status: "rejected", number, errors: detailsOf(error) };
    case "FACTUS_OUTCOME_UNKNOWN":
      // The background job owns it now (documents/issue.ts): it reconciles and finishes it.
      return { status: "pending", number: null, cufe: null };
    case "FACTUS_PENDING_DOCUMENT":
    case "RATE_LIMITED":
      // The range waits for DIAN (its job is expedited), or Factus asks to slow down: every item would meet it.
      return {
        status: "queued",
        after: error.code === "RATE_LIMITED" ? 60_000 : 5_000,
        errors: [],
        stop: true,
      };
    case "FACTUS_UNAUTHENTICATED":
    case "FACTUS_CONNECTION_NEEDS_REAUTH":
      return { status: "queued", after: 60_000, errors: detailsOf(error), stop: true };
    case "UPSTREAM_UNAVAILABLE":
    case "UPSTREAM_ERROR":
    case "UPSTREAM_TIMEOUT":
    case "CONFLICT":
      if (attempts < MAX_ATTEMPTS)
        return { status: "queued", after: doublingDelay(attempts), errors: detailsOf(error) };
      return { status: "failed", number, errors: detailsOf(error) };
    default:
      return { status: "failed", number, errors: detailsOf(error) };
  }
}

async function nextItem(db: D1Database, nit: string, now: number) {
  return db
    .prepare(
      `SELECT i.batch_id, i.idx, i.reference_code, i.request, i.status, i.attempts, b.user_id, b.api_key_id,
         b.connection_id
       FROM invoice_batch_items i JOIN invoice_batches b ON b.id = i.batch_id
       WHERE b.company_nit = ?1 AND b.status IN ('queued', 'running') AND i.status IN ('queued', 'issuing')
         AND i.next_attempt_at <= ?2
       ORDER BY b.created_at, i.idx LIMIT 1`,
    )
    .bind(nit, now)
    .first<DueItem>();
}

async function issueItem(
  env: Env,
  config: Config,
  nit: string,
  item: DueItem,
  credentials: Map<string | null, Promise<Credential | undefined>>,
): Promise<{ result: Result; calls: number }> {
  // One lookup (and unsealing) per connection per run: a run ends at the first item Factus refuses it for.
  if (!credentials.has(item.connection_id))
    credentials.set(
      item.connection_id,
      credentialFor(env, { connection_id: item.connection_id, company_nit: nit }),
    );
  const credential = await credentials.get(item.connection_id);
  const attempts = item.attempts + 1;
  if (!credential) {
    const message =
      "Sin credencial de Factus para seguir: envíe cualquier solicitud con X-Factus-Token de la empresa, o emita " +
      "el lote con una clave de API (su conexión guardada)";
    return {
      result: { status: "queued", after: 60_000, errors: [{ path: "", message }], stop: true },
      calls: 0,
    };
  }
  const variables = {
    ...backgroundVariables(config, item),
    batchId: item.batch_id,
    // An item seen before (a crash while it was being sent, or a lost answer) is looked up before it is sent again.
    reconcileFirst: item.status === "issuing" || item.attempts > 0,
    apiKey: item.api_key_id ? { id: item.api_key_id, scopes: [] } : undefined,
    inBackground: false,
  };
  try {
    const { value, calls } = await countingFactusCalls(() =>
      inRequestContext(env, variables, async (c) => {
        await withCredential(c, env, credential);
        try {
          return await issueDocument(c, invoiceFlow, JSON.parse(item.request));
        } finally {
          await flushLedger(c);
        }
      }),
    );
    const status = value.status === 202 ? "pending" : "validated";
    return { result: { status, number: value.data.number, cufe: value.data.cufe || null }, calls };
  } catch (error) {
    const calls = (error as { factusCalls?: number }).factusCalls ?? 1;
    if (error instanceof ApiError && error.code === "FACTUS_UNAUTHENTICATED" && "token" in credential)
      await forgetCompanyToken(env, nit);
    if (
      error instanceof ApiError &&
      error.code === "FACTUS_PENDING_DOCUMENT" &&
      error.options.document?.number
    ) {
      // The invoice blocking the range is the background job's: it is re-sent now, not at its next step.
      await env.DB.prepare(
        `UPDATE document_jobs SET next_attempt_at = ?3 WHERE company_nit = ?1 AND document_number = ?2
           AND state = 'scheduled'`,
      )
        .bind(nit, error.options.document.number, Date.now())
        .run();
    }
    return { result: resultOfError(error, attempts), calls };
  }
}

async function record(db: D1Database, item: DueItem, result: Result) {
  const now = Date.now();
  const errors = "errors" in result && result.errors.length ? JSON.stringify(result.errors) : null;
  const number = "number" in result ? result.number : null;
  const cufe = "cufe" in result ? result.cufe : null;
  const next = result.status === "queued" ? now + result.after : 0;
  await db
    .prepare(
      `UPDATE invoice_batch_items SET status = ?3, number = COALESCE(?4, number), cufe = COALESCE(?5, cufe),
         errors = ?6, next_attempt_at = ?7, updated_at = ?8
       WHERE batch_id = ?1 AND idx = ?2 AND status = 'issuing'`,
    )
    .bind(item.batch_id, item.idx, result.status, number, cufe, errors, next, now)
    .run();
}

/** Batches with nothing left to send or finish are completed, and told (`batch.completed`). */
async function completeBatches(env: Env, nit: string) {
  const now = Date.now();
  const { results } = await env.DB.prepare(
    `UPDATE invoice_batches SET status = 'completed', completed_at = ?2, updated_at = ?2
     WHERE company_nit = ?1 AND status IN ('queued', 'running') AND NOT EXISTS (
       SELECT 1 FROM invoice_batch_items WHERE batch_id = invoice_batches.id
         AND status IN ('queued', 'issuing', 'pending'))
     RETURNING id, total, accepted`,
  )
    .bind(nit, now)
    .all<{ id: string; total: number; accepted: number }>();
  for (const batch of results) {
    await publish(env, nit, {
      type: "batch.completed",
      subject: `batch:${batch.id}`,
      data: async () => ({ ...batch, status: "completed", counts: await statusCounts(env.DB, batch.id) }),
    });
  }
}

/**
 * Sends the company's due batch items while its Factus allowance lasts. Returns when it has more to do (the next
 * item's time, or when the allowance frees up), or null.
 */
export async function runBatches(
  env: Env,
  config: Config,
  nit: string,
  pacer: Pacer,
): Promise<number | null> {
  const credentials = new Map<string | null, Promise<Credential | undefined>>();
  for (let sent = 0; sent < ITEMS_PER_RUN; sent++) {
    if ((await pacer.allowance()) < ROOM_PER_ITEM) return pacer.nextFree();
    const item = await nextItem(env.DB, nit, Date.now());
    if (!item) break;
    await env.DB.batch([
      env.DB.prepare(
        `UPDATE invoice_batch_items SET status = 'issuing', attempts = attempts + 1, updated_at = ?3
         WHERE batch_id = ?1 AND idx = ?2`,
      ).bind(item.batch_id, item.idx, Date.now()),
      env.DB.prepare(
        "UPDATE invoice_batches SET status = 'running' WHERE id = ?1 AND status = 'queued'",
      ).bind(item.batch_id),
    ]);
    const { result, calls } = await issueItem(env, config, nit, item, credentials);
    await pacer.spend(calls);
    await record(env.DB, item, result);
    if (result.status === "queued" && result.stop) break;
  }
  await completeBatches(env, nit);
  const next = await env.DB.prepare(
    `SELECT MIN(i.next_attempt_at) AS at FROM invoice_batch_items i JOIN invoice_batches b ON b.id = i.batch_id
     WHERE b.company_nit = ?1 AND b.status IN ('queued', 'running') AND i.status IN ('queued', 'issuing')`,
  )
    .bind(nit)
    .first<{ at: number | null }>();
  return next?.at ?? null;
}
