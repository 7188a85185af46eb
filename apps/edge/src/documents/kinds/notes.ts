import type { CreatedCreditNote } from "@factus-edge/contracts/schemas/credit-notes";
import type { RequestOptions } from "@factus-edge/factus-client/options";
import type { Context } from "hono";
import { upstream } from "../../factus/call";
import type { NoteView } from "../../factus/v2-views";
import type { AppEnv } from "../../platform/context";
import { nameOf } from "../mappers";
import { createdCreditNote, creditNoteSummary } from "../note-mappers";
import type { DocumentFlow, FactusDocumentFiles } from "./flow";

// What credit and debit notes share: both are read in the same fields (NoteView), correct an invoice by number, and
// are e-mailed to the buyer like it.

type NoteParts = Pick<
  DocumentFlow<{ reference_code: string }, NoteView, CreatedCreditNote>,
  "record" | "companyOf" | "created" | "summary" | "files"
>;

/** The Factus client's resource of a note kind: the same methods on `creditNotes` and `debitNotes`. */
interface NoteResource {
  downloadPdf(number: string, options: RequestOptions): ReturnType<FactusDocumentFiles["downloadPdf"]>;
  downloadXml(number: string, options: RequestOptions): ReturnType<FactusDocumentFiles["downloadXml"]>;
  delete(referenceCode: string, options: RequestOptions): Promise<unknown>;
  sendEmail(number: string, body: { email: string }, options: RequestOptions): Promise<unknown>;
  emailContent(
    number: string,
    options: RequestOptions,
  ): Promise<{ subject: string; attached_document?: string | null }>;
}

export const noteParts = (resource: (c: Context<AppEnv>) => NoteResource): NoteParts => ({
  // Wrapped, not the client's resource itself: readers detach these methods (reads.ts), which loses `this`.
  files: (c) => {
    const notes = resource(c);
    return {
      downloadPdf: (number) => notes.downloadPdf(number, upstream(c)),
      downloadXml: (number) => notes.downloadXml(number, upstream(c)),
      delete: (reference) => notes.delete(reference, upstream(c)),
      sendEmail: (number, body) => notes.sendEmail(number, body, upstream(c)),
      emailContent: (number) => notes.emailContent(number, upstream(c)),
    };
  },
  record: (note) => ({
    apiVersion: note.apiVersion,
    number: note.credit_note.number,
    reference_code: note.credit_note.reference_code,
    status: note.credit_note.status,
    errors: note.credit_note.errors,
    key: note.credit_note.cude,
    total: note.credit_note.total,
    customerIdentification: note.customer.identification,
  }),
  companyOf: (note) => note.company.nit,
  created: createdCreditNote,
  summary: creditNoteSummary,
});

/** What the ledger keeps of a note. */
export const noteLedger = (kind: "credit_note" | "debit_note", note: NoteView) => ({
  kind,
  companyNit: note.company?.nit ? String(note.company.nit) : null,
  number: note.credit_note.number,
  reference_code: note.credit_note.reference_code,
  key: note.credit_note.cude,
  status: note.credit_note.status,
  errors: note.credit_note.errors,
  subtotal: note.credit_note.gross_value,
  tax: note.credit_note.tax_amount,
  total: note.credit_note.total,
  customerIdentification: note.customer.identification,
  customerName: nameOf(note.customer),
  invoiceNumber: note.credit_note.number_bill ?? null,
  createdAt: note.credit_note.created_at,
  validatedAt: null,
});
