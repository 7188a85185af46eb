import {
  CreatedCreditNote,
  CreatedInvoice,
  type CreateInvoiceRequest,
  computeInvoiceTotals,
  type FactusCreditNoteRequest,
  type InvoiceTotals,
  type PreflightIssue,
  toFactusV1Prices,
  toFactusV2Bill,
} from "@factus-edge/contracts";
import type { FactusV2CreditNoteRequestInput } from "@factus-edge/contracts/factus-v2";
import type { DocumentListParams, FactusApiVersion, Page } from "@factus-edge/factus-client";
import type { Context } from "hono";
import type * as z from "zod";
import { upstream } from "../factus/call";
import { billPage, creditNotePage, factusVersionOf, getBill, getCreditNote } from "../factus/documents";
import {
  type BillView,
  billViewOfV2,
  type CreditNoteView,
  creditNoteViewOfV2,
  type DocumentRowView,
} from "../factus/v2-views";
import type { LedgerFacts } from "../ledger/ledger";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";
import { createdCreditNote, creditNoteDetail } from "./credit-note-mappers";
import { createdInvoice, invoiceDetail } from "./invoice-mappers";
import { nameOf } from "./mappers";

// What differs between issuing an invoice and a credit note; everything else (DIAN's verdicts, lost answers, the
// 409 block, retries) is one lifecycle (docs/ARCHITECTURE.md, "The document lifecycle"), in issue.ts.

/** The fields of a Factus document the lifecycle reads. */
export interface DocumentRecord {
  /** The Factus API version that answered it. */
  apiVersion: FactusApiVersion;
  number: string;
  reference_code: string | null;
  status: number;
  errors: string[];
  /** CUFE of an invoice, CUDE of a note. */
  key: string | null;
  total: string;
  customerIdentification: string;
}

/** A row of a Factus document list, of either version. */
export type DocumentRow = DocumentRowView;

// biome-ignore lint/suspicious/noExplicitAny: a kind of any document, where only its shared data is read
export type AnyFlow = DocumentFlow<any, any, any>;

export interface DocumentFlow<Request extends { reference_code: string }, Document, Created> {
  /** The public path segment: `/api/v1/<resource>/…`. */
  resource: "invoices" | "credit-notes";
  /** "la factura" / "la nota crédito", for messages. */
  noun: string;
  /** The OpenAPI tag of its routes. */
  tag: string;
  /** Its webhook events' prefix: `<event>.validated`, `<event>.rejected`, `<event>.pending`. */
  event: "invoice" | "credit_note";
  /** The schema of what a create of this kind answers, for the routes every kind shares. */
  createdSchema: z.ZodType<Created>;
  /** Envelope messages of the create's answers. */
  messages: { created: string; pending: string; existing: string; deleted: string };
  create(c: Context<AppEnv>, request: Request): Promise<Document>;
  get(c: Context<AppEnv>, number: string): Promise<Document>;
  list(c: Context<AppEnv>, filters: DocumentListParams): Promise<Page<DocumentRow>>;
  record(document: Document): DocumentRecord;
  /**
   * The customer and total a request describes on the Factus version that holds the document, to tell whether that
   * document is this request's and whether its total is the one the prices imply.
   */
  expected(request: Request, apiVersion: FactusApiVersion): Expected;
  created(document: Document, message: string): Created;
  /** The public detail GET /<resource>/{number} answers (a webhook's `data`). */
  detail(document: Document): unknown;
  /** What the ledger keeps of it. */
  ledger(document: Document): LedgerFacts;
}

const createOptions = (c: Context<AppEnv>) => ({
  ...upstream(c),
  // Already parsed with the public schema, stricter than Factus' own rules: no second pass.
  prevalidated: true,
  timeout: c.get("config").factusCreateTimeoutMs,
});

/**
 * What a request describes: its customer, the total Factus will issue for it (`total`), and what its prices imply
 * (`implied`, with the lines that differ) when that is not the same: the create's answer then says so (`rounding`).
 */
export interface Expected {
  customerIdentification: string;
  total: string;
  implied: string;
  lines: { index: number; expected: string; issued: string }[];
}

export const expectedOf = (customerIdentification: string, totals: InvoiceTotals): Expected => ({
  customerIdentification,
  total: totals.bill.total,
  implied: totals.rounding?.expected_total ?? totals.bill.total,
  lines: totals.rounding?.lines ?? [],
});

export const invoiceFlow: DocumentFlow<CreateInvoiceRequest, BillView, CreatedInvoice> = {
  resource: "invoices",
  noun: "la factura",
  tag: "Facturas",
  event: "invoice",
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
  expected: (invoice, apiVersion) =>
    expectedOf(invoice.customer.identification, computeInvoiceTotals(invoice, { upstream: apiVersion })),
  created: createdInvoice,
  detail: (bill) => invoiceDetail(bill, "Factura obtenida de Factus"),
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

/** A public request a company's Factus v2 account cannot carry: the fields, each with why (never a silent drop). */
export const notOnV2 = (issues: PreflightIssue[]) =>
  new ApiError("NOT_AVAILABLE_ON_FACTUS_VERSION", {
    message: "La cuenta de Factus de esta empresa es v2, que no puede llevar estos campos o valores",
    details: issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
  });

/**
 * A credit note ready for Factus: v1's request as is (`bill_id`, tax-inclusive prices), or v2's body (`bill_number`,
 * net prices, `payment_details`) with what it must come out as, fixed when it was built. A pending note's retry
 * re-sends it unchanged.
 */
export type CreditNoteOrder =
  | FactusCreditNoteRequest
  | {
      factus_api_version: "v2";
      reference_code: string;
      body: FactusV2CreditNoteRequestInput;
      expected: Expected;
    };

export const creditNoteFlow: DocumentFlow<CreditNoteOrder, CreditNoteView, CreatedCreditNote> = {
  resource: "credit-notes",
  noun: "la nota crédito",
  tag: "Notas crédito",
  event: "credit_note",
  createdSchema: CreatedCreditNote,
  messages: {
    created: "Nota crédito creada exitosamente",
    pending: "Nota crédito recibida; pendiente de la respuesta de la DIAN",
    existing: "Nota crédito ya emitida con este código de referencia",
    deleted: "Nota crédito eliminada exitosamente",
  },
  async create(c, order) {
    if ("factus_api_version" in order)
      return creditNoteViewOfV2(await c.get("factus").creditNotes.createV2(order.body, createOptions(c)));
    return c.get("factus").creditNotes.create(toFactusV1Prices(order), createOptions(c));
  },
  get: getCreditNote,
  list: creditNotePage,
  record: (note) => ({
    apiVersion: note.apiVersion,
    number: note.credit_note.number,
    reference_code: note.credit_note.reference_code,
    status: note.credit_note.status,
    errors: note.credit_note.errors,
    key: note.credit_note.cude,
    total: note.credit_note.total,
    customerIdentification: note.customer.identification,
  }),
  expected: (order) =>
    "factus_api_version" in order
      ? order.expected
      : expectedOf(order.customer.identification, computeInvoiceTotals(order)),
  created: createdCreditNote,
  detail: (note) => creditNoteDetail(note),
  ledger: (note) => ({
    kind: "credit_note",
    companyNit: note.company?.nit ? String(note.company.nit) : null,
    number: note.credit_note.number,
    reference_code: note.credit_note.reference_code,
    key: note.credit_note.cude,
    status: note.credit_note.status,
    errors: note.credit_note.errors,
    subtotal: note.credit_note.gross_value,
    tax: note.credit_note.tax_amount,
    total: note.credit_note.total,
    customerIdentification: note.customer.identification,
    customerName: nameOf(note.customer),
    invoiceNumber: note.credit_note.number_bill ?? null,
    createdAt: note.credit_note.created_at,
    validatedAt: null,
  }),
};
