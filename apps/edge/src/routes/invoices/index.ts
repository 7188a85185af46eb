import { invoiceFlow } from "../../documents/kinds/invoice";
import { createRouter } from "../../platform/router";
import { mount, sharedKindRoutes } from "../kinds/router";
import { annulInvoice, annulInvoiceRoute } from "./annul";
import { createInvoice, createInvoiceRoute } from "./create";
import { invoiceEvents, invoiceEventsRoute } from "./events";
import { getInvoice, getInvoiceRoute } from "./get";
import { listInvoices, listInvoicesRoute } from "./list";
import { previewInvoiceHandler, previewInvoiceRoute } from "./preview";
import { sendInvoiceEmail, sendInvoiceEmailRoute } from "./send-email";
import { emitTacitAcceptance, tacitAcceptanceRoute } from "./tacit-acceptance";

const invoiceRoutes = createRouter()
  .openapi(createInvoiceRoute, createInvoice)
  .openapi(previewInvoiceRoute, previewInvoiceHandler)
  .openapi(listInvoicesRoute, listInvoices)
  .openapi(annulInvoiceRoute, annulInvoice)
  .openapi(invoiceEventsRoute, invoiceEvents)
  .openapi(tacitAcceptanceRoute, emitTacitAcceptance)
  .openapi(sendInvoiceEmailRoute, sendInvoiceEmail);

// Delete, retry, PDF, XML and e-mail content are every kind's; the detail goes last (`/{number}` matches any).
export const invoicesRouter = mount(invoiceRoutes, sharedKindRoutes(invoiceFlow)).openapi(
  getInvoiceRoute,
  getInvoice,
);
