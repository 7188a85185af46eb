import { isoFromFactusDateTime } from "@factus-edge/contracts/factus/dates";
import type {
  CreatedCreditNote,
  CreditNoteDetail,
  CreditNoteSummary,
} from "@factus-edge/contracts/schemas/credit-notes";
import { dianStatusOf } from "@factus-edge/contracts/schemas/dian-status";
import type { DocumentCompletion } from "@factus-edge/contracts/schemas/webhooks";
import type { CreditNoteView, DocumentRowView, NoteView } from "../factus/v2-views";
import { companyLine, createdVerdict, customerLine, itemLine, nameOf, prefixOfNumber } from "./mappers";
import { money } from "./money";

/** What a credit-note create answers: the note, where it stands with DIAN, and the invoice it corrects. */
export function createdCreditNote(note: NoteView, message: string): CreatedCreditNote {
  const record = note.credit_note;
  return {
    number: record.number,
    cude: record.cude ?? "",
    ...createdVerdict(record, message),
    invoice_number: record.number_bill ?? null,
  };
}

/** Factus' credit note → the public detail, in the spirit of the invoice detail. */
export const creditNoteDetail = (note: CreditNoteView, completion: DocumentCompletion | null = null) =>
  noteDetail(note, "credit_note", completion) as CreditNoteDetail;

/**
 * A note → its public detail, its own fields under `key`. A debit note is read in a credit note's fields (`NoteView`:
 * v1 has no debit notes, and v2 answers both alike).
 */
export function noteDetail<Key extends "credit_note" | "debit_note">(
  note: NoteView,
  key: Key,
  completion: DocumentCompletion | null = null,
) {
  const record = note.credit_note;
  return {
    company: companyLine(note.company),
    customer: customerLine(note.customer),
    [key]: {
      number: record.number,
      prefix: prefixOfNumber(record.number),
      reference_code: record.reference_code,
      issue_date: isoFromFactusDateTime(record.created_at)?.slice(0, 10) ?? "",
      cude: record.cude ?? "",
      subtotal: money(record.gross_value),
      tax_total: money(record.tax_amount),
      total: money(record.total),
      dian_status: dianStatusOf(record.status, record.errors),
      dian_notifications: record.errors,
      qr_url: record.qr,
      correction_concept: record.correction_concept
        ? { code: record.correction_concept.code, name: record.correction_concept.name }
        : null,
      invoice_number: record.number_bill ?? null,
      completion: dianStatusOf(record.status, record.errors) === "pending" ? completion : null,
    },
    items: note.items.map(itemLine),
  };
}

export function creditNoteSummary(
  row: DocumentRowView,
  completion: DocumentCompletion | null = null,
): CreditNoteSummary {
  return {
    number: row.number,
    reference_code: row.reference_code,
    identification: row.identification,
    name: nameOf(row),
    total: money(row.total),
    dian_status: dianStatusOf(row.status, row.errors),
    dian_notifications: row.errors,
    created_at: isoFromFactusDateTime(row.created_at) ?? row.created_at,
    completion: dianStatusOf(row.status, row.errors) === "pending" ? completion : null,
  };
}
