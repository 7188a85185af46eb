import { isoFromFactusDateTime } from "@factus-edge/contracts/factus/dates";
import { dianStatusOf } from "@factus-edge/contracts/schemas/dian-status";
import { colombiaToday } from "@factus-edge/contracts/schemas/invoice-rules";
import type { DocumentKindName } from "@factus-edge/contracts/schemas/webhooks";
import type { Context } from "hono";
import type { AnyFlow } from "../documents/kinds/flow";
import { centsOf } from "../documents/money";
import { companyNitOf, learnCompanyNit } from "../factus/company";
import { afterAnswer } from "../platform/after-answer";
import type { AppEnv } from "../platform/context";
import { deferWrites, takeDeferredWrites } from "../platform/deferred-writes";

// The ledger (migrations/0009): one row per document the gateway issues or learns about, written on the paths that
// already hold the document (a create, a re-send, /retry, the background job, a delete), never with another Factus
// call. Its writes ride on a D1 round trip the request makes anyway: the idempotency answer's, or the job's; what is
// left is written after the answer (`flushLedger`), and the ledger sync (POST /ledger/sync) reconciles anything a
// failed write missed against Factus itself.

/** What the ledger keeps of a Factus document (the flow's `ledger`). */
export interface LedgerFacts {
  kind: DocumentKindName;
  /** The issuing company, as the document names it (the token's own company). */
  companyNit: string | null;
  number: string;
  reference_code: string | null;
  key: string | null;
  status: number;
  errors: string[];
  subtotal: string | number | null;
  tax: string | number | null;
  total: string | number;
  customerIdentification: string;
  customerName: string;
  invoiceNumber: string | null;
  /** Factus' own creation time ("2026-12-03 10:15:00", Colombia), when its answer has it. */
  createdAt: string | null;
  validatedAt: string | null;
}

/** Who is acting: the API key or user of the request, `gateway` for background work (`sync` for a backfill). */
export function actorOf(c: Context<AppEnv>): string {
  if (c.get("inBackground")) return "gateway";
  const key = c.get("apiKey");
  return key ? `key:${key.id}` : `user:${c.get("user").id}`;
}

const cents = (value: string | number | null) => (value === null ? null : Number(centsOf(value)));
const msOf = (factusTime: string | null) => {
  const iso = isoFromFactusDateTime(factusTime);
  return iso ? Date.parse(iso) : null;
};

/** The upsert of one document's facts: the first issuer and batch are kept, status and totals follow Factus. */
export function ledgerStatement(
  db: D1Database,
  nit: string,
  facts: LedgerFacts,
  who: { actor: string; issuedBy: string | null; batchId: string | null; source: "gateway" | "factus" },
  deleted = false,
) {
  const now = Date.now();
  const created = msOf(facts.createdAt);
  const issueDate = isoFromFactusDateTime(facts.createdAt)?.slice(0, 10) ?? colombiaToday();
  return db
    .prepare(
      `INSERT INTO ledger_documents (company_nit, kind, number, reference_code, document_key, dian_status,
         subtotal_cents, tax_cents, total_cents, customer_identification, customer_name, invoice_number, issue_date,
         created_at, validated_at, deleted_at, issued_by, batch_id, source, last_actor, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)
       ON CONFLICT (company_nit, kind, number) DO UPDATE SET
         reference_code = excluded.reference_code,
         document_key = COALESCE(excluded.document_key, ledger_documents.document_key),
         dian_status = excluded.dian_status, subtotal_cents = excluded.subtotal_cents, tax_cents = excluded.tax_cents,
         total_cents = excluded.total_cents, customer_identification = excluded.customer_identification,
         customer_name = excluded.customer_name, invoice_number = excluded.invoice_number,
         validated_at = COALESCE(ledger_documents.validated_at, excluded.validated_at),
         deleted_at = COALESCE(excluded.deleted_at, ledger_documents.deleted_at),
         issued_by = COALESCE(ledger_documents.issued_by, excluded.issued_by),
         batch_id = COALESCE(ledger_documents.batch_id, excluded.batch_id),
         source = CASE WHEN ledger_documents.source = 'gateway' THEN 'gateway' ELSE excluded.source END,
         last_actor = excluded.last_actor, updated_at = excluded.updated_at`,
    )
    .bind(
      nit,
      facts.kind,
      facts.number,
      facts.reference_code,
      facts.key || null,
      dianStatusOf(facts.status, facts.errors),
      cents(facts.subtotal),
      cents(facts.tax),
      cents(facts.total),
      facts.customerIdentification,
      facts.customerName,
      facts.invoiceNumber,
      issueDate,
      created ?? now,
      facts.status === 1 ? (msOf(facts.validatedAt) ?? now) : null,
      deleted ? now : null,
      who.issuedBy,
      who.batchId,
      who.source,
      who.actor,
      now,
    );
}

/**
 * Records what this request learnt about a document: the statement waits on the request (`ledger`) for the next D1
 * round trip it makes anyway (the idempotency answer, a job's write), else for `flushLedger` after the answer.
 */
export async function recordDocument(
  c: Context<AppEnv>,
  flow: AnyFlow,
  document: unknown,
  options: { deleted?: boolean } = {},
) {
  const actor = actorOf(c);
  const facts: LedgerFacts = flow.ledger(document);
  // The document names its company: the token's first create does not ask Factus for it.
  if (facts.companyNit) await learnCompanyNit(c, facts.companyNit);
  const statement = ledgerStatement(
    c.env.DB,
    facts.companyNit ?? (await companyNitOf(c)),
    facts,
    {
      actor,
      issuedBy: actor === "gateway" ? null : actor,
      batchId: c.get("batchId") ?? null,
      source: "gateway",
    },
    options.deleted,
  );
  deferWrites(c, statement);
}

/** Writes what no other round trip carried: after the answer (its failure is reconciled by the ledger sync). */
export async function flushLedger(c: Context<AppEnv>) {
  const statements = takeDeferredWrites(c);
  if (statements.length === 0) return;
  await afterAnswer(
    c,
    c.env.DB.batch(statements).catch(() =>
      console.warn(
        JSON.stringify({ level: "warn", msg: "ledger write failed", request_id: c.get("requestId") }),
      ),
    ),
  );
}

/** A document deleted in Factus (by reference: a forced delete never read it) stays in the ledger, marked. */
export const ledgerDeletion = (
  db: D1Database,
  nit: string,
  flow: AnyFlow,
  referenceCode: string,
  actor: string,
) =>
  db
    .prepare(
      `UPDATE ledger_documents SET deleted_at = ?4, last_actor = ?5, updated_at = ?4
       WHERE company_nit = ?1 AND kind = ?2 AND reference_code = ?3 AND deleted_at IS NULL`,
    )
    .bind(nit, flow.event, referenceCode, Date.now(), actor);
