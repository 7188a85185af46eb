import { dianStatusOf } from "@factus-edge/contracts/schemas/dian-status";
import type { DocumentCompletion } from "@factus-edge/contracts/schemas/webhooks";
import type { Context } from "hono";
import type { DocumentResource } from "../documents/kinds/flow";
import { companyNitOf } from "../factus/company";
import { afterAnswer } from "../platform/after-answer";
import type { AppEnv } from "../platform/context";
import { takeDeferredWrites } from "../platform/deferred-writes";
import { keepCallerToken } from "./credentials";
import { wakeCompany } from "./wake";

// A document the gateway owns until DIAN's verdict (migrations/0008): one row per Factus company, kind and reference
// code, holding the request Factus' official retry re-sends as is, the number it was answered with, and where its
// background completion stands. A failed write never fails the create: the document exists either way, and the
// caller can still re-send its own request.

/** A job is keyed by its kind's public path segment. */
export type JobKind = DocumentResource;
/** Final states: the job stops. `not_issued`: Factus confirmed it never had the document (see attempt.ts). */
export type FinalState =
  | "validated"
  | "rejected"
  | "already_processed"
  | "superseded"
  | "not_issued"
  | "deleted"
  | "expired";
export type JobState = "scheduled" | "needs_token" | FinalState;
const LIVE = "('scheduled', 'needs_token')";

export interface JobRow {
  company_nit: string;
  kind: JobKind;
  reference_code: string;
  document_number: string | null;
  user_id: string;
  connection_id: string | null;
  request: string;
  state: JobState;
  attempts: number;
  next_attempt_at: number | null;
  lease_until: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

/** How long an attempt holds its document: longer than a create waits for Factus plus a reconciling lookup. */
export const LEASE_MS = 120_000;

function warn(c: Context<AppEnv>, msg: string) {
  console.warn(JSON.stringify({ level: "warn", msg, request_id: c.get("requestId") }));
}

/**
 * Hands a document to the gateway: DIAN left it pending (its number known), or the create's outcome is unknown
 * (null). A job already running keeps its count and schedule; one that had finished (a new document now holds the
 * reference) starts again; one paused for a credential resumes, since this request brings one.
 */
export async function ownDocument(
  c: Context<AppEnv>,
  kind: JobKind,
  request: { reference_code: string },
  documentNumber: string | null,
) {
  try {
    const now = Date.now();
    const nit = await companyNitOf(c);
    const firstAt = now + (c.get("config").documentRetrySchedule[0] ?? 0);
    const connectionId = c.get("connectionId") ?? null;
    const job = c.env.DB.prepare(
      `INSERT INTO document_jobs (company_nit, kind, reference_code, document_number, user_id, connection_id, request,
         state, attempts, next_attempt_at, lease_until, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'scheduled', 0, ?8, 0, ?9, ?9)
       ON CONFLICT (company_nit, kind, reference_code) DO UPDATE SET
         document_number = COALESCE(excluded.document_number, document_jobs.document_number),
         user_id = excluded.user_id, connection_id = excluded.connection_id, request = excluded.request,
         attempts = CASE WHEN document_jobs.state IN ${LIVE} THEN document_jobs.attempts ELSE 0 END,
         created_at = CASE WHEN document_jobs.state IN ${LIVE} THEN document_jobs.created_at ELSE excluded.created_at END,
         next_attempt_at = CASE WHEN document_jobs.state = 'scheduled' THEN document_jobs.next_attempt_at
           ELSE excluded.next_attempt_at END,
         state = 'scheduled', last_error = NULL, updated_at = excluded.updated_at
       RETURNING next_attempt_at`,
    ).bind(
      nit,
      kind,
      request.reference_code,
      documentNumber,
      c.get("user").id,
      connectionId,
      JSON.stringify(request),
      firstAt,
      now,
    );
    // Without a stored connection, the caller's own token is what the job will act with (sealed, for an hour).
    const token = connectionId || c.get("inBackground") ? undefined : await keepCallerToken(c, nit);
    const [written] = await c.env.DB.batch([job, ...(token ? [token] : []), ...takeDeferredWrites(c)]);
    const at = (written?.results[0] as { next_attempt_at: number } | undefined)?.next_attempt_at ?? firstAt;
    await afterAnswer(c, wakeCompany(c.env, nit, at));
  } catch {
    warn(c, "could not hand a pending document to the background");
  }
}

/** The job of a reference (any state), for /retry. */
export async function jobOf(c: Context<AppEnv>, kind: JobKind, referenceCode: string) {
  return c.env.DB.prepare(
    "SELECT * FROM document_jobs WHERE company_nit = ?1 AND kind = ?2 AND reference_code = ?3",
  )
    .bind(await companyNitOf(c), kind, referenceCode)
    .first<JobRow>();
}

/**
 * Takes the document for one re-send: the job's, or a caller's /retry. Undefined when another holds it right now
 * (or the job is over).
 */
export async function claimJob(db: D1Database, nit: string, kind: JobKind, referenceCode: string) {
  const now = Date.now();
  const row = await db
    .prepare(
      `UPDATE document_jobs SET lease_until = ?4 WHERE company_nit = ?1 AND kind = ?2 AND reference_code = ?3
         AND state IN ${LIVE} AND lease_until <= ?5 RETURNING *`,
    )
    .bind(nit, kind, referenceCode, now + LEASE_MS, now)
    .first<JobRow>();
  return row ?? undefined;
}

/** Gives a re-send's lease back, the job still live (a caller's /retry that found DIAN still slow). */
export const releaseJob = (db: D1Database, nit: string, kind: JobKind, referenceCode: string) =>
  db
    .prepare(
      "UPDATE document_jobs SET lease_until = 0 WHERE company_nit = ?1 AND kind = ?2 AND reference_code = ?3",
    )
    .bind(nit, kind, referenceCode)
    .run();

/**
 * Ends a live job with its verdict; true when this call ended it (so its event is told once, by whoever ends it:
 * the job, a caller's re-send, /retry or a delete).
 */
export async function settleJob(
  db: D1Database,
  nit: string,
  kind: JobKind,
  referenceCode: string,
  state: FinalState,
  error: string | null = null,
) {
  const row = await db
    .prepare(
      `UPDATE document_jobs SET state = ?4, next_attempt_at = NULL, lease_until = 0, last_error = COALESCE(?5, last_error),
         updated_at = ?6
       WHERE company_nit = ?1 AND kind = ?2 AND reference_code = ?3 AND state IN ${LIVE} RETURNING reference_code`,
    )
    .bind(nit, kind, referenceCode, state, error, Date.now())
    .first();
  return row !== null;
}

/** After an attempt that left the document pending: the next one, or the end of the horizon (expired). */
export const rescheduleJob = (
  db: D1Database,
  job: JobRow,
  nextAt: number | null,
  error: string | null,
  attempts = job.attempts + 1,
) =>
  db
    .prepare(
      `UPDATE document_jobs SET attempts = ?4, next_attempt_at = ?5, state = ?6, last_error = ?7, lease_until = 0,
         updated_at = ?8
       WHERE company_nit = ?1 AND kind = ?2 AND reference_code = ?3 AND state IN ${LIVE}`,
    )
    .bind(
      job.company_nit,
      job.kind,
      job.reference_code,
      attempts,
      nextAt,
      nextAt === null ? "expired" : "scheduled",
      error,
      Date.now(),
    )
    .run();

/** Counts an attempt that ended in a verdict (the job is settled right after). */
export const countAttempt = (db: D1Database, job: JobRow) =>
  db
    .prepare(
      "UPDATE document_jobs SET attempts = attempts + 1 WHERE company_nit = ?1 AND kind = ?2 AND reference_code = ?3",
    )
    .bind(job.company_nit, job.kind, job.reference_code)
    .run();

/** A live job with nothing to act with: paused until a request of its company brings a token. True if it paused now. */
export async function pauseJob(db: D1Database, job: JobRow) {
  const row = await db
    .prepare(
      `UPDATE document_jobs SET state = 'needs_token', next_attempt_at = NULL, lease_until = 0, updated_at = ?4
       WHERE company_nit = ?1 AND kind = ?2 AND reference_code = ?3 AND state = 'scheduled' RETURNING state`,
    )
    .bind(job.company_nit, job.kind, job.reference_code, Date.now())
    .first();
  return row !== null;
}

/** The jobs of a company due now, oldest first, that nobody holds. */
export const dueJobs = (db: D1Database, nit: string, now: number, limit: number) =>
  db
    .prepare(
      `SELECT * FROM document_jobs WHERE company_nit = ?1 AND state = 'scheduled' AND next_attempt_at <= ?2
         AND lease_until <= ?2 ORDER BY next_attempt_at LIMIT ?3`,
    )
    .bind(nit, now, limit)
    .all<JobRow>()
    .then((result) => result.results);

const completionView = (row: JobRow): DocumentCompletion => ({
  state: row.state === "needs_token" ? "needs_token" : "scheduled",
  attempts: row.attempts,
  next_attempt_at: row.next_attempt_at === null ? null : new Date(row.next_attempt_at).toISOString(),
  last_error: row.last_error,
});

/**
 * Where the gateway stands on finishing live documents of a kind, by number, in every company that has one (a
 * handful: a document leaves at DIAN's verdict); the caller keeps its own company's. Read beside the Factus call of a
 * detail, never after it; a failed read only leaves `completion` out.
 */
export async function liveJobsByNumber(db: D1Database, kind: JobKind, numbers: string[]) {
  if (numbers.length === 0) return [];
  try {
    const { results } = await db
      .prepare(
        `SELECT * FROM document_jobs WHERE kind = ?1 AND state IN ${LIVE}
           AND document_number IN (SELECT value FROM json_each(?2))`,
      )
      .bind(kind, JSON.stringify(numbers))
      .all<JobRow>();
    return results;
  } catch {
    return [];
  }
}

/** The company's completions among `rows`, by document number. */
export const completionsOf = (rows: JobRow[], nit: string) =>
  new Map(
    rows.filter((row) => row.company_nit === nit).map((row) => [row.document_number!, completionView(row)]),
  );

/**
 * The completions of a list page's pending rows: asked only when the page has some (then, once the company is known,
 * one indexed read), so a list of settled documents costs nothing more.
 */
export async function pageCompletions(
  c: Context<AppEnv>,
  kind: JobKind,
  rows: { number: string; status: number; errors: string[] }[],
) {
  const pending = rows
    .filter((row) => dianStatusOf(row.status, row.errors) === "pending")
    .map((row) => row.number);
  if (pending.length === 0) return new Map<string, DocumentCompletion>();
  const [jobs, nit] = await Promise.all([
    liveJobsByNumber(c.env.DB, kind, pending),
    companyNitOf(c).catch(() => undefined),
  ]);
  return nit ? completionsOf(jobs, nit) : new Map<string, DocumentCompletion>();
}
