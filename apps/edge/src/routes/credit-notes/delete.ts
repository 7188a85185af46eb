import { creditNoteFlow } from "../../lib/document-flow";
import { deleteByReference } from "../../lib/document-routes";
import { upstream } from "../../lib/upstream";

export const deleteCreditNote = deleteByReference(creditNoteFlow, {
  operationId: "deleteCreditNoteByReference",
  path: "/reference/{reference_code}",
  remove: (c, reference) => c.get("factus").creditNotes.delete(reference, upstream(c)),
});
