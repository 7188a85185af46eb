import { invoiceFlow } from "../../lib/document-flow";
import { deleteByReference } from "../../lib/document-routes";
import { upstream } from "../../lib/upstream";

export const deleteInvoice = deleteByReference(invoiceFlow, {
  operationId: "deleteInvoiceByReference",
  path: "/reference/{reference_code}",
  remove: (c, reference) => c.get("factus").bills.delete(reference, upstream(c)),
});
