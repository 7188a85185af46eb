import { isoFromFactusDateTime } from "@factus-edge/contracts/factus/dates";
import { dianStatusOf } from "@factus-edge/contracts/schemas/dian-status";
import type {
  AdjustmentNoteDetail,
  CreatedAdjustmentNote,
  CreatedSupportDocument,
  SupportDocumentDetail,
} from "@factus-edge/contracts/schemas/support-documents";
import type { DocumentCompletion } from "@factus-edge/contracts/schemas/webhooks";
import type { SupportView } from "../factus/support-views";
import { companyLine, createdVerdict, customerLine, itemLine, prefixOfNumber } from "./mappers";
import { money } from "./money";

// Support documents and adjustment notes in the public shapes: the provider where an invoice has its customer.

/** What a support-document create answers. */
export function createdSupportDocument(document: SupportView, message: string): CreatedSupportDocument {
  const { record } = document;
  return {
    number: record.number,
    cuds: record.cuds ?? "",
    ...createdVerdict(record, message),
    withholding_total: money(record.withholding_total),
  };
}

export const createdAdjustmentNote = (note: SupportView, message: string): CreatedAdjustmentNote => ({
  ...createdSupportDocument(note, message),
  support_document_number: note.record.support_document_number,
});

function recordLine(document: SupportView, completion: DocumentCompletion | null) {
  const { record } = document;
  const dianStatus = dianStatusOf(record.status, record.errors);
  return {
    number: record.number,
    prefix: prefixOfNumber(record.number),
    reference_code: record.reference_code,
    issue_date: isoFromFactusDateTime(record.created_at)?.slice(0, 10) ?? "",
    cuds: record.cuds ?? "",
    subtotal: money(record.gross_value),
    tax_total: money(record.tax_amount),
    withholding_total: money(record.withholding_total),
    total: money(record.total),
    dian_status: dianStatus,
    dian_notifications: record.errors,
    qr_url: record.qr,
    completion: dianStatus === "pending" ? completion : null,
  };
}

export const supportDocumentDetail = (
  document: SupportView,
  completion: DocumentCompletion | null = null,
): SupportDocumentDetail => ({
  company: companyLine(document.company),
  provider: customerLine(document.provider),
  support_document: recordLine(document, completion),
  adjustment_notes: document.adjustment_notes,
  items: document.items.map(itemLine),
});

export const adjustmentNoteDetail = (
  note: SupportView,
  completion: DocumentCompletion | null = null,
): AdjustmentNoteDetail => ({
  company: companyLine(note.company),
  provider: customerLine(note.provider),
  adjustment_note: {
    ...recordLine(note, completion),
    correction_concept: note.record.correction_concept,
    support_document_number: note.record.support_document_number,
  },
  items: note.items.map(itemLine),
});
