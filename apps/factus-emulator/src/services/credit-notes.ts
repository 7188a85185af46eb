import {
  CREDIT_NOTE_CORRECTION_CONCEPTS,
  type FactusCreditNoteRequest,
  type InvoiceTotals,
  nameOfCode,
  PAYMENT_METHODS,
} from "@factus-edge/contracts";
import type { DianVerdictFault } from "../faults";
import type { DocumentRow } from "../store/rows";
import { documentRecord, documentSummary } from "../views/bill-view";
import { companyView, customerView, establishmentView, itemsView } from "../views/parties";
import type { Account } from "./account";
import { type IssueOutcome, issueDocument } from "./issue-document";

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

/**
 * Factus' credit-note create-and-validate: a note with customization 20 must reference a validated bill; then the
 * same lifecycle as a bill (pending, rejection, the 409 block of its range, re-send by reference).
 */
export function validateCreditNote(
  account: Account,
  request: FactusCreditNoteRequest,
  verdict?: DianVerdictFault,
): Promise<IssueOutcome> | IssueOutcome {
  const { store } = account;
  const bill = request.bill_id ? store.documentById(request.bill_id) : undefined;
  if (request.customization_id === "20" && (bill?.kind !== "bill" || bill.status !== 1)) {
    return { kind: "invalid", errors: { bill_id: ["Debe referenciar una factura validada por la DIAN"] } };
  }
  const ranges = request.numbering_range_id
    ? [store.range(request.numbering_range_id)].filter((range) => range?.document === "22" && range.is_active)
    : store.ranges({ document: "22", is_active: "1" });
  const range = ranges.length === 1 ? ranges[0]! : undefined;
  if (!range)
    return { kind: "invalid", errors: { numbering_range_id: ["Indique un rango de notas crédito activo"] } };
  return issueDocument(account, {
    kind: "credit_note",
    range,
    request,
    technicalKey: SOFTWARE_PIN,
    billId: bill?.id ?? null,
    verdict,
  });
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
