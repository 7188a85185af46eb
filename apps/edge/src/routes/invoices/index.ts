import { createRouter } from "../../platform/router";
import { emailContentRoute } from "../document-files";
import { annulInvoice, annulInvoiceRoute } from "./annul";
import { createInvoice, createInvoiceRoute } from "./create";
import { deleteInvoice } from "./delete";
import { invoiceEvents, invoiceEventsRoute } from "./events";
import { getInvoice, getInvoiceRoute } from "./get";
import { listInvoices, listInvoicesRoute } from "./list";
import { invoicePdf, invoicePdfRoute } from "./pdf";
import { previewInvoiceHandler, previewInvoiceRoute } from "./preview";
import { retryInvoice } from "./retry";
import { sendInvoiceEmail, sendInvoiceEmailRoute } from "./send-email";
import { emitTacitAcceptance, tacitAcceptanceRoute } from "./tacit-acceptance";
import { invoiceXml, invoiceXmlRoute } from "./xml";

const emailContent = emailContentRoute("invoice", {
  operationId: "getInvoiceEmailContent",
  tags: ["Facturas"],
  noun: "una factura",
});

export const invoicesRouter = createRouter()
  .openapi(createInvoiceRoute, createInvoice)
  .openapi(previewInvoiceRoute, previewInvoiceHandler)
  .openapi(listInvoicesRoute, listInvoices)
  .openapi(deleteInvoice.route, deleteInvoice.handler)
  .openapi(retryInvoice.route, retryInvoice.handler)
  .openapi(annulInvoiceRoute, annulInvoice)
  .openapi(invoicePdfRoute, invoicePdf)
  .openapi(invoiceXmlRoute, invoiceXml)
  .openapi(invoiceEventsRoute, invoiceEvents)
  .openapi(tacitAcceptanceRoute, emitTacitAcceptance)
  .openapi(emailContent.route, emailContent.handler)
  .openapi(sendInvoiceEmailRoute, sendInvoiceEmail)
  .openapi(getInvoiceRoute, getInvoice);
