import { adjustmentNoteFlow } from "./adjustment-note";
import { creditNoteFlow } from "./credit-note";
import { debitNoteFlow } from "./debit-note";
import type { AnyFlow, DocumentResource } from "./flow";
import { invoiceFlow } from "./invoice";
import { supportDocumentFlow } from "./support-document";

// The registry only: a kind is imported from its own file, so a router loads the kinds it serves, not every one.

/** Every kind, by its public path segment (the key of its background jobs), in the order the ledger sync walks them. */
export const FLOWS: Record<DocumentResource, AnyFlow> = {
  invoices: invoiceFlow,
  "credit-notes": creditNoteFlow,
  "debit-notes": debitNoteFlow,
  "support-documents": supportDocumentFlow,
  "adjustment-notes": adjustmentNoteFlow,
};
