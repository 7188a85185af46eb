import { invoiceFlow } from "../../lib/document-flow";
import { retryByReference } from "../../lib/document-routes";

export const retryInvoice = retryByReference(invoiceFlow, "retryInvoiceByReference");
