import {
  CREDIT_NOTE_CORRECTION_CONCEPTS,
  computeInvoiceTotals,
  type FactusCreditNoteRequest,
  type InvoiceTotals,
  nameOfCode,
  PAYMENT_METHODS,
} from "@factus-edge/contracts";
import { documentKey } from "../documents/cufe";
import type { DocumentRow } from "../store/rows";
import { ISSUER } from "../store/schema";
import { documentRecord, documentSummary } from "../views/bill-view";
import { companyView, customerView, establishmentView, itemsView } from "../views/parties";
import type { Account } from "./account";

/** DIAN's CUDE hashes the software PIN where a CUFE has the range's technical key. */
const SOFTWARE_PIN = "75315";

export interface StoredCreditNote {
  row: DocumentRow;
  request: FactusCreditNoteRequest;
  totals: InvoiceTotals;
  bill: DocumentRow | undefined;
}

export const readCreditNote = (account: Account, row: DocumentRow): StoredCreditNote => ({
  row,
  request: JSON.parse(row.request),
  totals: JSON.parse(row.totals),
  bill: row.bill_id ? account.store.documentById(row.bill_id) : undefined,
});

export type CreditNoteOutcome =
  | { kind: "validated"; note: StoredCreditNote }
  | { kind: "invalid"; errors: Record<string, string[]> };

/** Factus' credit-note create-and-validate: it must reference a validated bill (customization 20). */
export async function validateCreditNote(
  account: Account,
  request: FactusCreditNoteRequest,
): Promise<CreditNoteOutcome> {
  const { store } = account;
  const bill = request.bill_id ? store.documentById(request.bill_id) : undefined;
  if (request.customization_id === "20" && (bill?.kind !== "bill" || bill.status !== 1)) {
    return { kind: "invalid", errors: { bill_id: ["Debe referenciar una factura validada por la DIAN"] } };
  }
  if (store.documentByReference("credit_note", request.reference_code)) {
    return {
      kind: "invalid",
      errors: { reference_code: [`El código de referencia ${request.reference_code} ya existe`] },
    };
  }
  const ranges = request.numbering_range_id
    ? [store.range(request.numbering_range_id)].filter((range) => range?.document === "22" && range.is_active)
    : store.ranges({ document: "22", is_active: "1" });
  const range = ranges.length === 1 ? ranges[0]! : undefined;
  if (!range)
    return { kind: "invalid", errors: { numbering_range_id: ["Indique un rango de notas crédito activo"] } };

  const now = account.now();
  const consecutive = store.takeNumber(range.id, now);
  if (consecutive === undefined)
    return { kind: "invalid", errors: { numbering_range_id: ["Rango agotado"] } };
  const totals = computeInvoiceTotals(request);
  const number = `${range.prefix}${consecutive}`;
  const fields = {
    kind: "credit_note" as const,
    number,
    prefix: range.prefix,
    range_id: range.id,
    reference_code: request.reference_code,
    status: 1,
    request: JSON.stringify(request),
    totals: JSON.stringify(totals),
    cufe: "",
    errors: "[]",
    created_at: now,
    validated_at: now,
    bill_id: bill?.id ?? null,
  };
  const id = store.insertDocument(fields);
  const row: DocumentRow = { id, ...fields };
  row.cufe = await documentKey({
    number,
    createdAt: now,
    request,
    totals,
    issuerNit: ISSUER.nit,
    technicalKey: SOFTWARE_PIN,
  });
  store.updateDocument(id, row);
  return { kind: "validated", note: { row, request, totals, bill } };
}

export function creditNoteView(note: StoredCreditNote, qrImage: string) {
  const { row, request, totals, bill } = note;
  return {
    company: companyView(),
    establishment: establishmentView(request.establishment),
    customer: customerView(request.customer),
    credit_note: {
      id: row.id,
      ...documentRecord(row, request, totals, qrImage),
      cude: row.cufe,
      bill_id: bill?.id ?? null,
      cufe: bill?.cufe ?? null,
      number_bill: bill?.number ?? null,
      payment_method: {
        name: nameOfCode(PAYMENT_METHODS, request.payment_method_code) ?? "",
        code: request.payment_method_code,
      },
      customization_id: {
        code: request.customization_id,
        name:
          request.customization_id === "20"
            ? "Nota Crédito que referencia una factura electrónica."
            : "Nota Crédito sin referencia a facturas.",
      },
      correction_concept: {
        code: request.correction_concept_code,
        name: nameOfCode(CREDIT_NOTE_CORRECTION_CONCEPTS, request.correction_concept_code) ?? "",
      },
    },
    items: itemsView(request.items, totals.items),
    withholding_taxes: [],
  };
}

export function creditNoteSummaryView(note: StoredCreditNote) {
  return documentSummary(note.row, note.request, note.totals);
}
