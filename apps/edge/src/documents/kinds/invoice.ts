import { toFactusV1Prices } from "@factus-edge/contracts/mapping/to-factus-v1";
import { toFactusV2Bill } from "@factus-edge/contracts/mapping/to-factus-v2";
import type { CreateInvoiceRequest } from "@factus-edge/contracts/schemas/invoice-request";
import { CreatedInvoice } from "@factus-edge/contracts/schemas/invoice-responses";
import { computeInvoiceTotals } from "@factus-edge/contracts/totals";
import { upstream } from "../../factus/call";
import { billPage, factusVersionOf, getBill } from "../../factus/documents";
import { type BillView, billViewOfV2 } from "../../factus/v2-views";
import { createdInvoice, invoiceDetail, invoiceSummary } from "../invoice-mappers";
import { nameOf } from "../mappers";
import { createOptions, type DocumentFlow, expectedOf, notOnV2 } from "./flow";

export const invoiceFlow: DocumentFlow<CreateInvoiceRequest, BillView, CreatedInvoice> = {
  resource: "invoices",
  event: "invoice",
  operation: { singular: "Invoice", plural: "Invoices" },
  noun: "la factura",
  nouns: "facturas",
  tag: "Facturas",
  versions: ["v1", "v2"],
  // Its detail lists the notes that correct it.
  cache: { name: "invoice", detailSeconds: 60 },
  resendsUnissued: true,
  mailed: true,
  createdSchema: CreatedInvoice,
  messages: {
    created: "Factura creada exitosamente",
    pending: "Factura recibida; pendiente de la respuesta de la DIAN",
    existing: "Factura ya emitida con este código de referencia",
    deleted: "Factura eliminada exitosamente",
  },
  async create(c, invoice) {
    if ((await factusVersionOf(c)) === "v1") {
      // v1 takes tax-inclusive prices: net ones (prices_include_tax: false) are converted as exactly as v1 allows.
      return c.get("factus").bills.create(toFactusV1Prices(invoice), createOptions(c));
    }
    const mapping = toFactusV2Bill(invoice);
    if (!mapping.ok) throw notOnV2(mapping.issues);
    return billViewOfV2(await c.get("factus").bills.createV2(mapping.body, createOptions(c)));
  },
  get: getBill,
  list: billPage,
  // Wrapped, not the client's resource itself: readers detach these methods (reads.ts), which loses `this`.
  files: (c) => {
    const bills = c.get("factus").bills;
    return {
      downloadPdf: (number) => bills.downloadPdf(number, upstream(c)),
      downloadXml: (number) => bills.downloadXml(number, upstream(c)),
      delete: (reference) => bills.delete(reference, upstream(c)),
      sendEmail: (number, body) => bills.sendEmail(number, body, upstream(c)),
      emailContent: (number) => bills.emailContent(number, upstream(c)),
    };
  },
  record: (bill) => ({
    apiVersion: bill.apiVersion,
    number: bill.bill.number,
    reference_code: bill.bill.reference_code,
    status: bill.bill.status,
    errors: bill.bill.errors,
    key: bill.bill.cufe,
    total: bill.bill.total,
    customerIdentification: bill.customer.identification,
  }),
  companyOf: (bill) => bill.company.nit,
  expected: (invoice, apiVersion) =>
    expectedOf(invoice.customer.identification, computeInvoiceTotals(invoice, { upstream: apiVersion })),
  created: createdInvoice,
  detail: (bill, completion) => invoiceDetail(bill, "Factura obtenida de Factus", completion),
  summary: invoiceSummary,
  ledger: (bill) => ({
    kind: "invoice",
    companyNit: bill.company?.nit ? String(bill.company.nit) : null,
    number: bill.bill.number,
    reference_code: bill.bill.reference_code,
    key: bill.bill.cufe,
    status: bill.bill.status,
    errors: bill.bill.errors,
    subtotal: bill.bill.gross_value,
    tax: bill.bill.tax_amount,
    total: bill.bill.total,
    customerIdentification: bill.customer.identification,
    customerName: nameOf(bill.customer),
    invoiceNumber: null,
    createdAt: bill.bill.created_at,
    validatedAt: bill.bill.validated ?? null,
  }),
};
