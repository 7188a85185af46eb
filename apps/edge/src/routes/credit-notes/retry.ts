import { creditNoteFlow } from "../../documents/kinds";
import { retryByReference } from "../document-by-reference";

export const retryCreditNote = retryByReference(creditNoteFlow, "retryCreditNoteByReference");
