import type { InvoiceBatchItem } from "@factus-edge/contracts/schemas/batches";
import type { ErrorDetail } from "@factus-edge/contracts/schemas/errors";

// Batches and their items in D1 (migrations/0009). Items are written in chunks carried as one JSON value per
// statement (D1 binds at most 100 parameters), in one batch: a batch of 2,000 invoices is one round trip.

export interface BatchRow {
  id: string;
  company_nit: string;
  user_id: string;
  api_key_id: string | null;
  connection_id: string | null;
  status: "queued" | "running" | "completed" | "cancelled";
  /** SHA-256 of the request body: the same Idempotency-Key with another body is refused. */
  fingerprint: string;
  total: number;
  accepted: number;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
}

export interface ItemRow {
  batch_id: string;
  idx: number;
  reference_code: string;
  request: string | null;
  status: InvoiceBatchItem["status"];
  number: string | null;
  cufe: string | null;
  errors: string | null;
  attempts: number;
  next_attempt_at: number;
  updated_at: number;
}

const CHUNK = 100;

export interface NewItem {
  idx: number;
  reference_code: string;
  request: unknown | null;
  status: "queued" | "refused";
  errors: ErrorDetail[];
}

export async function insertBatch(
  db: D1Database,
  batch: Omit<BatchRow, "updated_at" | "completed_at">,
  items: NewItem[],
) {
  const statements: D1PreparedStatement[] = [
    db
      .prepare(
        `INSERT INTO invoice_batches (id, company_nit, user_id, api_key_id, connection_id, status, fingerprint, total,
           accepted, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)`,
      )
      .bind(
        batch.id,
        batch.company_nit,
        batch.user_id,
        batch.api_key_id,
        batch.connection_id,
        batch.status,
        batch.fingerprint,
        batch.total,
        batch.accepted,
        batch.created_at,
      ),
  ];
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK).map((item) => ({
      ...item,
      request: item.request === null ? null : JSON.stringify(item.request),
      errors: item.errors.length ? JSON.stringify(item.errors) : null,
    }));
    statements.push(
      db
        .prepare(
          `INSERT INTO invoice_batch_items (batch_id, idx, reference_code, request, status, errors, updated_at)
           SELECT ?1, value ->> 'idx', value ->> 'reference_code', value ->> 'request', value ->> 'status',
             value ->> 'errors', ?2 FROM json_each(?3)`,
        )
        .bind(batch.id, batch.created_at, JSON.stringify(chunk)),
    );
  }
  await db.batch(statements);
}

export const batchOf = (db: D1Database, nit: string, id: string) =>
  db
    .prepare("SELECT * FROM invoice_batches WHERE id = ?1 AND company_nit = ?2")
    .bind(id, nit)
    .first<BatchRow>();

export async function statusCounts(db: D1Database, id: string) {
  const { results } = await db
    .prepare("SELECT status, COUNT(*) AS count FROM invoice_batch_items WHERE batch_id = ?1 GROUP BY status")
    .bind(id)
    .all<{ status: string; count: number }>();
  return Object.fromEntries(results.map((row) => [row.status, row.count])) as Record<string, number>;
}

export const batchItems = (db: D1Database, id: string, page: number, perPage: number, status?: string) =>
  db
    .prepare(
      `SELECT * FROM invoice_batch_items WHERE batch_id = ?1 AND (?2 IS NULL OR status = ?2)
       ORDER BY idx LIMIT ?3 OFFSET ?4`,
    )
    .bind(id, status ?? null, perPage, (page - 1) * perPage)
    .all<ItemRow>()
    .then((result) => result.results);

export const itemView = (row: ItemRow): InvoiceBatchItem => ({
  index: row.idx,
  reference_code: row.reference_code,
  status: row.status,
  number: row.number,
  cufe: row.cufe,
  errors: row.errors ? (JSON.parse(row.errors) as ErrorDetail[]) : [],
  attempts: row.attempts,
});

/** Cancels what is not yet sent; an item being sent right now finishes. Returns how many were cancelled. */
export async function cancelBatch(db: D1Database, id: string) {
  const now = Date.now();
  const [items] = await db.batch([
    db
      .prepare(
        "UPDATE invoice_batch_items SET status = 'cancelled', updated_at = ?2 WHERE batch_id = ?1 AND status = 'queued'",
      )
      .bind(id, now),
    db
      .prepare(
        `UPDATE invoice_batches SET status = 'cancelled', updated_at = ?2, completed_at = ?2
         WHERE id = ?1 AND status IN ('queued', 'running')`,
      )
      .bind(id, now),
  ]);
  return items?.meta.changes ?? 0;
}

/**
 * A document's verdict reached its batch item (a pending one finished by the background job), by reference, in the
 * company's batches.
 */
export const settleBatchItem = (
  db: D1Database,
  nit: string,
  referenceCode: string,
  status: "validated" | "rejected",
  document: { number: string | null; cufe: string | null },
) =>
  db
    .prepare(
      `UPDATE invoice_batch_items SET status = ?3, number = COALESCE(?4, number), cufe = COALESCE(?5, cufe), updated_at = ?6
       WHERE reference_code = ?2 AND status = 'pending'
         AND batch_id IN (SELECT id FROM invoice_batches WHERE company_nit = ?1)`,
    )
    .bind(nit, referenceCode, status, document.number, document.cufe, Date.now())
    .run();
