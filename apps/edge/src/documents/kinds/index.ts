import { adjustmentNoteFlow } from "./adjustment-note";
import { creditNoteFlow } from "./credit-note";
import { debitNoteFlow } from "./debit-note";
import type { AnyFlow, DocumentResource } from "./flow";
import { invoiceFlow } from "./invoice";
import { supportDocumentFlow } from "./support-document";

export { type AdjustmentNoteOrder, adjustmentNoteFlow } from "./adjustment-note";
export { type CreditNoteOrder, creditNoteFlow } from "./credit-note";
export { type DebitNoteOrder, debitNoteFlow } from "./debit-note";
export * from "./flow";
export { invoiceFlow } from "./invoice";
export { type SupportDocumentOrder, supportDocumentFlow } from "./support-document";

/** Every kind, by its public path segment (the key of its background jobs). */
export const FLOWS: Record<DocumentResource, AnyFlow> = {
  invoices: invoiceFlow,
  "credit-notes": creditNoteFlow,
  "debit-notes": debitNoteFlow,
  "support-documents": supportDocumentFlow,
  "adjustment-notes": adjustmentNoteFlow,
};
