import { formatCents } from "@factus-edge/contracts/decimal";
import type { DocumentExportQuery, LedgerDocument } from "@factus-edge/contracts/schemas/batches";
import type { DocumentKindName } from "@factus-edge/contracts/schemas/webhooks";
import { isoOrNull } from "../platform/iso-time";

// The ledger, read out: a month of documents as CSV (Colombian Excel: UTF-8 with BOM, `;` between fields, `,` before
// decimals) or JSON Lines, streamed page by page from D1 so a month of thousands never sits in memory.

interface LedgerRow {
  kind: DocumentKindName;
  number: string;
  reference_code: string | null;
  document_key: string | null;
  dian_status: "validated" | "pending" | "rejected";
  issue_date: string;
  customer_identification: string;
  customer_name: string | null;
  invoice_number: string | null;
  subtotal_cents: number | null;
  tax_cents: number | null;
  total_cents: number;
  validated_at: number | null;
  deleted_at: number | null;
  issued_by: string | null;
  batch_id: string | null;
}

const PAGE = 500;
const decimal = (cents: number | null) => (cents === null ? null : formatCents(BigInt(cents)));

export const ledgerView = (row: LedgerRow): LedgerDocument => ({
  kind: row.kind,
  number: row.number,
  reference_code: row.reference_code,
  cufe: row.document_key,
  dian_status: row.dian_status,
  issue_date: row.issue_date,
  customer_identification: row.customer_identification,
  customer_name: row.customer_name,
  invoice_number: row.invoice_number,
  subtotal: decimal(row.subtotal_cents),
  tax_total: decimal(row.tax_cents),
  total: decimal(row.total_cents)!,
  validated_at: isoOrNull(row.validated_at),
  deleted_at: isoOrNull(row.deleted_at),
  issued_by: row.issued_by,
  batch_id: row.batch_id,
});

const COLUMNS: (keyof LedgerDocument)[] = [
  "kind",
  "number",
  "reference_code",
  "cufe",
  "dian_status",
  "issue_date",
  "customer_identification",
  "customer_name",
  "invoice_number",
  "subtotal",
  "tax_total",
  "total",
  "validated_at",
  "deleted_at",
  "issued_by",
  "batch_id",
];
const MONEY = new Set<keyof LedgerDocument>(["subtotal", "tax_total", "total"]);

function csvField(name: keyof LedgerDocument, value: string | null) {
  if (value === null) return "";
  const text = MONEY.has(name) ? value.replace(".", ",") : value;
  return /[;"\r\n]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (document: LedgerDocument) =>
  `${COLUMNS.map((name) => csvField(name, document[name] as string | null)).join(";")}\r\n`;

/** Pages of the company's ledger in the range, in order of day and number (keyset: no page is read twice). */
async function* ledgerPages(db: D1Database, nit: string, query: DocumentExportQuery) {
  let after = { date: "", number: "" };
  for (;;) {
    const { results } = await db
      .prepare(
        `SELECT * FROM ledger_documents WHERE company_nit = ?1 AND issue_date BETWEEN ?2 AND ?3
           AND (?4 IS NULL OR kind = ?4) AND (?5 IS NULL OR dian_status = ?5)
           AND (issue_date, number) > (?6, ?7)
         ORDER BY issue_date, number LIMIT ?8`,
      )
      .bind(
        nit,
        query.created_from,
        query.created_to,
        query.kind ?? null,
        query.status ?? null,
        after.date,
        after.number,
        PAGE,
      )
      .all<LedgerRow>();
    if (results.length === 0) return;
    yield results;
    const last = results[results.length - 1]!;
    after = { date: last.issue_date, number: last.number };
    if (results.length < PAGE) return;
  }
}

/** The export as a stream of bytes: CSV or JSON Lines. */
export function exportStream(
  db: D1Database,
  nit: string,
  query: DocumentExportQuery,
  format: "csv" | "ndjson",
) {
  const encoder = new TextEncoder();
  const pages = ledgerPages(db, nit, query);
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started && format === "csv") {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${COLUMNS.join(";")}\r\n`));
        return;
      }
      started = true;
      const next = await pages.next();
      if (next.done) {
        controller.close();
        return;
      }
      const lines = next.value
        .map(ledgerView)
        .map((document) => (format === "csv" ? csvLine(document) : `${JSON.stringify(document)}\n`));
      controller.enqueue(encoder.encode(lines.join("")));
    },
  });
}

/**
 * Validated sales documents per Colombian day: invoices, credit notes, debit notes, and the net (exact integer sums of
 * cents). Support documents are purchases: not in a sales net.
 */
export async function dailyTotals(db: D1Database, nit: string, from: string, to: string) {
  const { results } = await db
    .prepare(
      `SELECT issue_date AS date,
         SUM(kind = 'invoice') AS invoices, SUM(CASE WHEN kind = 'invoice' THEN total_cents ELSE 0 END) AS invoiced,
         SUM(kind = 'credit_note') AS credit_notes,
         SUM(CASE WHEN kind = 'credit_note' THEN total_cents ELSE 0 END) AS credited,
         SUM(kind = 'debit_note') AS debit_notes,
         SUM(CASE WHEN kind = 'debit_note' THEN total_cents ELSE 0 END) AS debited
       FROM ledger_documents WHERE company_nit = ?1 AND issue_date BETWEEN ?2 AND ?3 AND dian_status = 'validated'
         AND deleted_at IS NULL
       GROUP BY issue_date ORDER BY issue_date`,
    )
    .bind(nit, from, to)
    .all<{
      date: string;
      invoices: number;
      invoiced: number;
      credit_notes: number;
      credited: number;
      debit_notes: number;
      debited: number;
    }>();
  return results.map((day) => ({
    date: day.date,
    invoices: day.invoices,
    invoiced: formatCents(BigInt(day.invoiced)),
    credit_notes: day.credit_notes,
    credited: formatCents(BigInt(day.credited)),
    debit_notes: day.debit_notes,
    debited: formatCents(BigInt(day.debited)),
    net: formatCents(BigInt(day.invoiced) - BigInt(day.credited) + BigInt(day.debited)),
  }));
}
