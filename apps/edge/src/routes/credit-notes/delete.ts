import { creditNoteFlow } from "../../documents/kinds";
import { upstream } from "../../factus/call";
import { deleteByReference } from "../document-by-reference";

export const deleteCreditNote = deleteByReference(creditNoteFlow, {
  operationId: "deleteCreditNoteByReference",
  path: "/reference/{reference_code}",
  remove: (c, reference) => c.get("factus").creditNotes.delete(reference, upstream(c)),
});
