import { invoiceFlow } from "../../documents/kinds";
import { upstream } from "../../factus/call";
import { deleteByReference } from "../document-by-reference";

export const deleteInvoice = deleteByReference(invoiceFlow, {
  operationId: "deleteInvoiceByReference",
  path: "/reference/{reference_code}",
  remove: (c, reference) => c.get("factus").bills.delete(reference, upstream(c)),
});
