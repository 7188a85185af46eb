import { invoiceFlow } from "../../documents/kinds";
import { retryByReference } from "../document-by-reference";

export const retryInvoice = retryByReference(invoiceFlow, "retryInvoiceByReference");
