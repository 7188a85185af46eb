import type { FactusV2DebitNoteRequestInput } from "@factus-edge/contracts/factus-v2/notes";
import { CreatedDebitNote, type DebitNoteDetail } from "@factus-edge/contracts/schemas/debit-notes";
import { debitNotePage, getDebitNote } from "../../factus/documents";
import { creditNoteViewOfV2, type NoteView } from "../../factus/v2-views";
import { noteDetail } from "../note-mappers";
import { createOptions, type DocumentFlow, type Expected } from "./flow";
import { noteLedger, noteParts } from "./notes";

/**
 * A debit note ready for Factus v2 (v1 has none): its body (`bill_number`, net prices, `payment_details`) and what it
 * must come out as, fixed when it was built, so a retry re-sends it unchanged and compares against the same figures.
 */
export interface DebitNoteOrder {
  factus_api_version: "v2";
  reference_code: string;
  body: FactusV2DebitNoteRequestInput;
  expected: Expected;
}

export const debitNoteFlow: DocumentFlow<DebitNoteOrder, NoteView, CreatedDebitNote> = {
  resource: "debit-notes",
  event: "debit_note",
  operation: { singular: "DebitNote", plural: "DebitNotes" },
  noun: "la nota débito",
  nouns: "notas débito",
  tag: "Notas débito",
  versions: ["v2"],
  cache: { name: "debit-note", detailSeconds: 86_400 },
  // It only raises what an invoice charged: no balance to check under a lease, the job may issue it.
  resendsUnissued: true,
  mailed: true,
  createdSchema: CreatedDebitNote,
  messages: {
    created: "Nota débito creada exitosamente",
    pending: "Nota débito recibida; pendiente de la respuesta de la DIAN",
    existing: "Nota débito ya emitida con este código de referencia",
    deleted: "Nota débito eliminada exitosamente",
  },
  create: async (c, order) =>
    creditNoteViewOfV2(await c.get("factus").debitNotes.create(order.body, createOptions(c))),
  get: getDebitNote,
  list: debitNotePage,
  ...noteParts((c) => c.get("factus").debitNotes),
  expected: (order) => order.expected,
  detail: (note, completion) => noteDetail(note, "debit_note", completion) as DebitNoteDetail,
  ledger: (note) => noteLedger("debit_note", note),
};
