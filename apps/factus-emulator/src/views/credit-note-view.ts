import {
  CREDIT_NOTE_CORRECTION_CONCEPTS,
  type FactusCreditNoteRequest,
  type InvoiceTotals,
  nameOfCode,
  PAYMENT_METHODS,
} from "@factus-edge/contracts";
import type { Account } from "../services/account";
import type { Company } from "../services/company";
import type { DocumentRow } from "../store/rows";
import { allowanceChargesView, documentRecord, documentSummary } from "./bill-view";
import { companyView, customerView, establishmentView, itemsView } from "./parties";

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

export function creditNoteView(note: StoredCreditNote, qrImage: string, company: Company) {
  const { row, request, totals, bill } = note;
  return {
    company: companyView(company),
    establishment: establishmentView(request.establishment, company),
    billing_period: request.billing_period ?? [],
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
    allowance_charges: allowanceChargesView(request.allowance_charges),
    withholding_taxes: [],
  };
}

export function creditNoteSummaryView(note: StoredCreditNote) {
  return documentSummary(note.row, note.request, note.totals);
}
