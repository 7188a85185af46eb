import { creditNoteFlow } from "../../lib/document-flow";
import { retryByReference } from "../../lib/document-routes";

export const retryCreditNote = retryByReference(creditNoteFlow, "retryCreditNoteByReference");
