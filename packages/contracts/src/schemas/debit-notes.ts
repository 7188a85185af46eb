import * as z from "zod";
import { DEBIT_NOTE_CORRECTION_CONCEPTS } from "../catalogs/dian";
import { CreditNoteSummary } from "./credit-notes";
import { DocumentListQuery } from "./document-parts";
import { Pagination } from "./envelope";
import { createdNote, noteDetail, noteRequest } from "./notes";

// The public debit-note API: what raises a validated invoice's charge (interest, expenses, a price raised). Factus
// has debit notes on v2 accounts only.

/**
 * Body of `POST /api/v1/debit-notes`. With `invoice_number` the note raises that invoice (customization 30) and takes
 * its customer when `customer` is left out; without it (customization 32) `customer` and `billing_period` are
 * required. The same lines and rules as an invoice.
 */
export const CreateDebitNoteRequest = noteRequest(DEBIT_NOTE_CORRECTION_CONCEPTS, {
  concepts: "1 intereses, 2 gastos por cobrar, 3 cambio del valor, 4 otros.",
  id: "CreateDebitNoteRequest",
  description: "Nota débito a crear y validar ante la DIAN (solo cuentas Factus v2).",
});
export type CreateDebitNoteRequest = z.output<typeof CreateDebitNoteRequest>;
export type CreateDebitNoteRequestInput = z.input<typeof CreateDebitNoteRequest>;

export const CreatedDebitNote = createdNote("CreatedDebitNote");
export type CreatedDebitNote = z.infer<typeof CreatedDebitNote>;

export const DebitNoteDetail = noteDetail("debit_note", "DebitNoteDetail");
export type DebitNoteDetail = z.infer<typeof DebitNoteDetail>;

export const DebitNoteSummary = CreditNoteSummary.meta({ id: "DebitNoteSummary" });
export type DebitNoteSummary = z.infer<typeof DebitNoteSummary>;

export const DebitNoteList = z
  .object({ items: z.array(DebitNoteSummary), pagination: Pagination })
  .meta({ id: "DebitNoteList" });
export type DebitNoteList = z.infer<typeof DebitNoteList>;

export const DebitNoteListQuery = DocumentListQuery.meta({ id: "DebitNoteListQuery" });
