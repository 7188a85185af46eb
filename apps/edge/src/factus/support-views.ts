import { formatCents } from "@factus-edge/contracts/decimal";
import type { FactusBill } from "@factus-edge/contracts/factus/bills";
import type { DocumentListParams } from "@factus-edge/factus-client/resources/document-routes";
import type {
  AdjustmentNote,
  SupportDocument,
  V1AdjustmentNote,
  V1AdjustmentNoteRow,
  V1SupportDocument,
  V1SupportDocumentRow,
  V2AdjustmentNote,
  V2SupportRow,
} from "@factus-edge/factus-client/support-documents";
import type { Context } from "hono";
import type { AppEnv } from "../platform/context";
import { upstream } from "./call";
import {
  cents,
  type DocumentRowView,
  itemsTax,
  sum,
  v1Company,
  v1Customer,
  v1Item,
  v1Notification,
} from "./v2-views";

// Support documents and adjustment notes as the gateway reads them on either Factus API version, in one shape (as
// v2-views.ts does for bills and notes). The company is the buyer; the provider, the seller, sits where a customer
// would. What a version lacks is absent, never made up.

/** The fields of a support document or an adjustment note the gateway reads. */
export interface SupportRecord {
  /** v1's id (a v1 adjustment note names its support document by it); null on v2, which names by number only. */
  id: number | null;
  number: string;
  reference_code: string | null;
  status: number;
  errors: string[];
  cuds: string | null;
  qr: string | null;
  gross_value: string;
  tax_amount: string;
  /** The buyer's withholdings: informative, never subtracted from the total. */
  withholding_total: string;
  total: string;
  created_at: string;
  validated: string | null;
  /** An adjustment note's concept and the support document it corrects. */
  correction_concept: { code: string; name: string } | null;
  support_document_number: string | null;
}

export interface SupportView {
  apiVersion: "v1" | "v2";
  company: FactusBill["company"];
  provider: FactusBill["customer"];
  items: FactusBill["items"];
  record: SupportRecord;
  /** A support document's adjustment notes; null when Factus' answer does not name them (v2). */
  adjustment_notes: { id: number | null; number: string }[] | null;
}

const withholdingTotal = (taxes: readonly { value?: string | number | null }[] | undefined) =>
  formatCents(sum((taxes ?? []).map((tax) => cents(tax.value == null ? "0" : String(tax.value)))));

export function supportViewOf(document: SupportDocument | AdjustmentNote): SupportView {
  if (document.apiVersion === "v1") {
    // Loose answers have index signatures: `in` cannot narrow them, the kind is told by its own record.
    const note = (document as V1AdjustmentNote).adjustment_note as
      | V1AdjustmentNote["adjustment_note"]
      | undefined;
    const record = note ?? (document as V1SupportDocument).support_document;
    return {
      apiVersion: "v1",
      company: document.company,
      provider: document.provider as unknown as FactusBill["customer"],
      items: document.items as FactusBill["items"],
      record: {
        id: record.id,
        number: record.number,
        reference_code: record.reference_code,
        status: Number(record.status),
        errors: record.errors,
        cuds: record.cuds,
        qr: record.qr,
        gross_value: record.gross_value,
        tax_amount: record.tax_amount,
        withholding_total: withholdingTotal(document.withholding_taxes),
        total: record.total,
        created_at: record.created_at,
        validated: record.validated ?? null,
        correction_concept: note
          ? { code: String(note.correction_concept.code), name: note.correction_concept.name }
          : null,
        support_document_number: note?.support_document_number ?? null,
      },
      adjustment_notes: note ? null : ((document as V1SupportDocument).adjustment_notes ?? []),
    };
  }
  const note = (document as V2AdjustmentNote).correction_concept ? (document as V2AdjustmentNote) : undefined;
  return {
    apiVersion: "v2",
    company: v1Company(document.company),
    provider: v1Customer(document.provider as never),
    items: document.items.map((item) => v1Item(item as never)),
    record: {
      id: null,
      number: document.number,
      reference_code: document.reference_code,
      status: document.is_validated ? 1 : 0,
      errors: document.errors.map(v1Notification),
      cuds: document.cuds,
      qr: document.links?.qr ?? null,
      gross_value: formatCents(sum(document.items.map((item) => cents(item.total)))),
      tax_amount: document.totals.tax_amount ?? itemsTax(document.items as never),
      withholding_total: withholdingTotal(document.withholding_taxes),
      total: document.totals.total,
      created_at: document.created_at,
      validated: document.validated_at,
      correction_concept: note ? note.correction_concept : null,
      support_document_number: note?.support_document?.number ?? null,
    },
    adjustment_notes: null,
  };
}

/** A list row of either kind and version, in the fields the public summaries read (the provider as the customer). */
export function supportRowOf(
  row: V1SupportDocumentRow | V1AdjustmentNoteRow | V2SupportRow,
): DocumentRowView {
  if (row.apiVersion === "v1")
    return {
      ...row,
      identification: String(row.identification),
      status: Number(row.status),
      email: row.email ?? null,
    };
  const { provider } = row;
  return {
    number: row.number,
    reference_code: row.reference_code,
    identification: String(provider.identification),
    graphic_representation_name: provider.graphic_representation_name ?? null,
    company: provider.company ?? null,
    names: provider.names ?? null,
    email: provider.email ?? null,
    total: row.total,
    status: row.is_validated ? 1 : 0,
    errors: row.errors.map(v1Notification),
    created_at: row.created_at,
  };
}

export const getSupportDocument = async (c: Context<AppEnv>, number: string) =>
  supportViewOf(await c.get("factus").supportDocuments.get(number, upstream(c)));

export const getAdjustmentNote = async (c: Context<AppEnv>, number: string) =>
  supportViewOf(await c.get("factus").adjustmentNotes.get(number, upstream(c)));

export async function supportDocumentPage(c: Context<AppEnv>, filters: DocumentListParams) {
  return (await c.get("factus").supportDocuments.list(filters, upstream(c))).map(supportRowOf);
}

export async function adjustmentNotePage(c: Context<AppEnv>, filters: DocumentListParams) {
  return (await c.get("factus").adjustmentNotes.list(filters, upstream(c))).map(supportRowOf);
}
