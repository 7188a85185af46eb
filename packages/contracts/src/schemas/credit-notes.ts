import * as z from "zod";
import { CREDIT_NOTE_CORRECTION_CONCEPTS } from "../catalogs/dian";
import { CreditNoteRef, DocumentListQuery } from "./document-parts";
import { Pagination } from "./envelope";
import { ReferenceCode } from "./invoice-fields";
import { InvoiceSummary } from "./invoice-responses";
import { createdNote, noteDetail, noteRequest } from "./notes";
import { strict, text } from "./primitives";

// The public credit-note API: DIAN's only way to correct or annul a validated invoice (SPEC §6).

/**
 * Body of `POST /api/v1/credit-notes`. With `invoice_number` the note corrects that invoice (customization 20):
 * the gateway resolves it to Factus' `bill_id` and, when `customer` is left out, takes the invoice's. Without it
 * (customization 22) `customer` and `billing_period` are required.
 */
export const CreateCreditNoteRequest = noteRequest(CREDIT_NOTE_CORRECTION_CONCEPTS, {
  concepts:
    "1 devolución parcial, 2 anulación, 3 rebaja o descuento, 4 ajuste de precio, 5 pronto pago, 6 volumen.",
  id: "CreateCreditNoteRequest",
  description: "Nota crédito a crear y validar ante la DIAN.",
});
export type CreateCreditNoteRequest = z.output<typeof CreateCreditNoteRequest>;
export type CreateCreditNoteRequestInput = z.input<typeof CreateCreditNoteRequest>;

/** Body of `POST /api/v1/invoices/{number}/annul`: everything else comes from the invoice itself. */
export const AnnulInvoiceRequest = strict({
  reason: text(250).optional().meta({ description: "Motivo, en la observación de la nota." }),
  reference_code: ReferenceCode.optional().meta({
    description: "Código de referencia de la nota; por defecto ANUL-<número de la factura>.",
  }),
}).meta({ id: "AnnulInvoiceRequest" });
export type AnnulInvoiceRequest = z.output<typeof AnnulInvoiceRequest>;

export const CreatedCreditNote = createdNote("CreatedCreditNote");
export type CreatedCreditNote = z.infer<typeof CreatedCreditNote>;

export const CreditNoteDetail = noteDetail("credit_note", "CreditNoteDetail");
export type CreditNoteDetail = z.infer<typeof CreditNoteDetail>;

/** A row of the credit-note list: an invoice row's fields, without the e-mail, legacy status and notes. */
export const CreditNoteSummary = InvoiceSummary.omit({ email: true, status: true, credit_notes: true }).meta({
  id: "CreditNoteSummary",
});
export type CreditNoteSummary = z.infer<typeof CreditNoteSummary>;

export const CreditNoteList = z
  .object({ items: z.array(CreditNoteSummary), pagination: Pagination })
  .meta({ id: "CreditNoteList" });
export type CreditNoteList = z.infer<typeof CreditNoteList>;

export const CreditNoteListQuery = DocumentListQuery.meta({ id: "CreditNoteListQuery" });

export { CreditNoteRef };
