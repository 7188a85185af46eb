import { isoFromFactusDateTime } from "@factus-edge/contracts/factus/dates";
import type { LedgerSync } from "@factus-edge/contracts/schemas/batches";
import { dianStatusOf } from "@factus-edge/contracts/schemas/dian-status";
import type { Context } from "hono";
import type { Pacer } from "../batches/runner";
import {
  backgroundVariables,
  credentialFor,
  forgetCompanyToken,
  keepCallerToken,
  withCredential,
} from "../completion/credentials";
import { wakeCompany } from "../completion/wake";
import { v2DateFilter } from "../documents/dated-list";
import { FLOWS } from "../documents/kinds";
import type { AnyFlow } from "../documents/kinds/flow";
import { centsOf } from "../documents/money";
import { callFactus } from "../factus/call";
import { factusVersionOf } from "../factus/documents";
import type { DocumentRowView } from "../factus/v2-views";
import { doublingDelay } from "../platform/backoff";
import type { Config, Env } from "../platform/config";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";
import { countingFactusCalls } from "../platform/factus-calls";
import { isoOrNull } from "../platform/iso-time";
import { inRequestContext } from "../platform/request-context";

// The ledger sync (POST /ledger/sync): walks Factus' own lists for a range of days and records every document in the
// ledger, so that documents issued elsewhere (Factus' panel, another integration) and any whose ledger write was
// lost after the answer (a keyless create: ledger/ledger.ts) are in it. Factus' lists are pages of 10: the walk runs in
// the background, one page per step, from the company's Durable Object and its per-minute allowance, like a batch.
// Its cursor (kind, page) is stored in D1 after every page, so a restart resumes where it was.

/** The kinds walked, in order (those the account's Factus version has). */
const SYNCED: AnyFlow[] = Object.values(FLOWS);
/** Pages per alarm: the object answers its other callers between runs. */
const PAGES_PER_RUN = 40;
/** Tries of a page Factus keeps failing (10 s doubling to 10 min: about an hour and a half) before the sync fails. */
const MAX_ATTEMPTS = 12;

export interface SyncRow {
  id: string;
  company_nit: string;
  user_id: string;
  api_key_id: string | null;
  connection_id: string | null;
  date_from: string;
  date_to: string;
  status: LedgerSync["status"];
  kind: string;
  page: number;
  pages_read: number;
  found: number;
  added: number;
  updated: number;
  attempts: number;
  next_attempt_at: number;
  error: string | null;
  created_at: number;
  completed_at: number | null;
}

export const syncView = (row: SyncRow): LedgerSync => ({
  id: row.id,
  status: row.status,
  from: row.date_from,
  to: row.date_to,
  kind: row.kind,
  pages_read: row.pages_read,
  found: row.found,
  added: row.added,
  updated: row.updated,
  error: row.error,
  created_at: new Date(row.created_at).toISOString(),
  completed_at: isoOrNull(row.completed_at),
});

export const syncOf = (db: D1Database, nit: string, id: string) =>
  db.prepare("SELECT * FROM ledger_syncs WHERE company_nit = ?1 AND id = ?2").bind(nit, id).first<SyncRow>();

/**
 * Starts a sync of the company's documents created between `from` and `to` (Colombian days), or answers the one
 * already walking the same days: a repeated request never walks Factus twice at once.
 */
export async function startSync(c: Context<AppEnv>, nit: string, from: string, to: string) {
  const running = await c.env.DB.prepare(
    `SELECT * FROM ledger_syncs WHERE company_nit = ?1 AND date_from = ?2 AND date_to = ?3
       AND status IN ('queued', 'running') LIMIT 1`,
  )
    .bind(nit, from, to)
    .first<SyncRow>();
  if (running) return { row: running, started: false };
  const now = Date.now();
  const id = `ls_${crypto.getRandomValues(new Uint8Array(12)).toHex()}`;
  const insert = c.env.DB.prepare(
    `INSERT INTO ledger_syncs (id, company_nit, user_id, api_key_id, connection_id, date_from, date_to, status, kind,
       created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'queued', ?8, ?9, ?9)`,
  ).bind(
    id,
    nit,
    c.get("user").id,
    c.get("apiKey")?.id ?? null,
    c.get("connectionId") ?? null,
    from,
    to,
    SYNCED[0]!.event,
    now,
  );
  // Without a stored connection, the caller's token is what the walk uses (sealed, for its hour).
  await c.env.DB.batch(c.get("connectionId") ? [insert] : [insert, await keepCallerToken(c, nit)]);
  await wakeCompany(c.env, nit, now);
  return { row: (await syncOf(c.env.DB, nit, id))!, started: true };
}

const dayOf = (row: DocumentRowView) =>
  (isoFromFactusDateTime(row.created_at) ?? row.created_at).slice(0, 10);

/**
 * A document learnt from a Factus list: what the row says (no CUFE or subtotals there: what the gateway already knew
 * is kept). A row already in the ledger changes only when Factus says something new (its status or total), and the
 * first issuer, the batch and the source stay as they were.
 */
function upsertRow(db: D1Database, nit: string, kind: string, row: DocumentRowView, now: number) {
  const created = isoFromFactusDateTime(row.created_at);
  return db
    .prepare(
      `INSERT INTO ledger_documents (company_nit, kind, number, reference_code, dian_status, total_cents,
         customer_identification, customer_name, issue_date, created_at, source, last_actor, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'factus', 'sync', ?11)
       ON CONFLICT (company_nit, kind, number) DO UPDATE SET dian_status = excluded.dian_status,
         total_cents = excluded.total_cents,
         reference_code = COALESCE(ledger_documents.reference_code, excluded.reference_code),
         last_actor = 'sync', updated_at = excluded.updated_at
       WHERE ledger_documents.dian_status != excluded.dian_status
         OR ledger_documents.total_cents != excluded.total_cents`,
    )
    .bind(
      nit,
      kind,
      row.number,
      row.reference_code,
      dianStatusOf(row.status, row.errors),
      Number(centsOf(row.total)),
      row.identification,
      row.company || row.names || row.graphic_representation_name || null,
      dayOf(row),
      created ? Date.parse(created) : now,
      now,
    );
}

/** Reads one Factus page of the sync's current kind, records its rows in range, and moves the cursor. */
async function syncPage(c: Context<AppEnv>, sync: SyncRow) {
  const version = await callFactus(() => factusVersionOf(c));
  const kinds = SYNCED.filter((candidate) => candidate.versions.includes(version));
  const flow = kinds.find((candidate) => candidate.event === sync.kind) ?? kinds[0]!;
  const range = { from: sync.date_from, to: sync.date_to };
  const v2 = version === "v2";
  // v2 filters by date itself; v1 cannot, so its pages are walked from the newest until past the range.
  const page = await callFactus(() => flow.list(c, { page: sync.page, ...(v2 ? v2DateFilter(range) : {}) }));
  const rows = page.data.filter((row) => dayOf(row) >= range.from && dayOf(row) <= range.to);
  const db = c.env.DB;
  const known = new Set(
    rows.length === 0
      ? []
      : (
          await db
            .prepare(
              `SELECT number FROM ledger_documents WHERE company_nit = ?1 AND kind = ?2
               AND number IN (SELECT value FROM json_each(?3))`,
            )
            .bind(sync.company_nit, flow.event, JSON.stringify(rows.map((row) => row.number)))
            .all<{ number: string }>()
        ).results.map((row) => row.number),
  );
  const oldest = page.data.at(-1);
  const kindDone = !page.hasNextPage() || (!v2 && oldest !== undefined && dayOf(oldest) < range.from);
  const nextFlow = kindDone ? kinds[kinds.indexOf(flow) + 1] : flow;
  const now = Date.now();
  const writes = await db.batch([
    ...rows.map((row) => upsertRow(db, sync.company_nit, flow.event, row, now)),
    db
      .prepare(
        `UPDATE ledger_syncs SET status = ?2, kind = ?3, page = ?4, pages_read = pages_read + 1, found = found + ?5,
           added = added + ?6, attempts = 0, next_attempt_at = 0, error = NULL, updated_at = ?7, completed_at = ?8
         WHERE id = ?1`,
      )
      .bind(
        sync.id,
        nextFlow ? "running" : "completed",
        nextFlow?.event ?? sync.kind,
        kindDone ? 1 : sync.page + 1,
        rows.length,
        rows.filter((row) => !known.has(row.number)).length,
        now,
        nextFlow ? null : now,
      ),
  ]);
  const updated = rows.filter(
    (row, index) => known.has(row.number) && writes[index]!.meta.changes > 0,
  ).length;
  if (updated)
    await db
      .prepare("UPDATE ledger_syncs SET updated = updated + ?2 WHERE id = ?1")
      .bind(sync.id, updated)
      .run();
}

/** A page that could not be read: tried again later, or the sync fails with why. */
async function postpone(db: D1Database, sync: SyncRow, error: unknown, waitForCredential = false) {
  const attempts = sync.attempts + 1;
  const message =
    error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
  const failed = attempts >= MAX_ATTEMPTS;
  const now = Date.now();
  await db
    .prepare(
      `UPDATE ledger_syncs SET status = ?2, attempts = ?3, next_attempt_at = ?4, error = ?5, updated_at = ?6,
         completed_at = ?7 WHERE id = ?1`,
    )
    .bind(
      sync.id,
      failed ? "failed" : "running",
      attempts,
      now + (waitForCredential ? 60_000 : doublingDelay(attempts)),
      message,
      now,
      failed ? now : null,
    )
    .run();
}

const NO_CREDENTIAL =
  "Sin credencial de Factus para seguir: envíe cualquier solicitud con X-Factus-Token de la empresa, o inicie la " +
  "sincronización con una clave de API (su conexión guardada)";

/**
 * Walks the company's due syncs while its Factus allowance lasts, a page at a time. Returns when it has more to do,
 * or null.
 */
export async function runLedgerSyncs(env: Env, config: Config, nit: string, pacer: Pacer) {
  for (let pages = 0; pages < PAGES_PER_RUN; pages++) {
    if ((await pacer.allowance()) < 1) return pacer.nextFree();
    const sync = await env.DB.prepare(
      `SELECT * FROM ledger_syncs WHERE company_nit = ?1 AND status IN ('queued', 'running')
         AND next_attempt_at <= ?2 ORDER BY created_at LIMIT 1`,
    )
      .bind(nit, Date.now())
      .first<SyncRow>();
    if (!sync) break;
    const credential = await credentialFor(env, { connection_id: sync.connection_id, company_nit: nit });
    if (!credential) {
      await postpone(env.DB, sync, new Error(NO_CREDENTIAL), true);
      continue;
    }
    const { calls } = await countingFactusCalls(() =>
      inRequestContext(env, backgroundVariables(config, sync), async (c) => {
        await withCredential(c, env, credential);
        await syncPage(c, sync);
      }).catch(async (error) => {
        const refused = error instanceof ApiError && error.code === "FACTUS_UNAUTHENTICATED";
        if (refused && "token" in credential) await forgetCompanyToken(env, nit);
        await postpone(env.DB, sync, error, refused);
      }),
    );
    await pacer.spend(calls);
  }
  const next = await env.DB.prepare(
    "SELECT MIN(next_attempt_at) AS at FROM ledger_syncs WHERE company_nit = ?1 AND status IN ('queued', 'running')",
  )
    .bind(nit)
    .first<{ at: number | null }>();
  return next?.at ?? null;
}
