import {
  CreatedCreditNote,
  CreatedInvoice,
  type CreateInvoiceRequest,
  computeInvoiceTotals,
  type FactusBill,
  type FactusCreditNote,
  type FactusCreditNoteRequest,
  type InvoiceTotals,
  toFactusV1Prices,
} from "@factus-edge/contracts";
import type { Page } from "@factus-edge/factus-client";
import type { Context } from "hono";
import type * as z from "zod";
import { upstream } from "../factus/call";
import type { AppEnv } from "../platform/context";
import { createdCreditNote } from "./credit-note-mappers";
import { createdInvoice } from "./invoice-mappers";

// What differs between issuing an invoice and a credit note; everything else (DIAN's verdicts, lost answers, the
// 409 block, retries) is one lifecycle (docs/ARCHITECTURE.md, "The document lifecycle"), in issue.ts.

/** The fields of a Factus document the lifecycle reads. */
export interface DocumentRecord {
  number: string;
  reference_code: string | null;
  status: number;
  errors: string[];
  /** CUFE of an invoice, CUDE of a note. */
  key: string | null;
  total: string;
  customerIdentification: string;
}

/** A row of a Factus document list. */
export interface DocumentRow {
  number: string;
  reference_code: string | null;
  status: number;
  errors: string[];
}

type ListFilters = { reference_code?: string; status?: 0 | 1; page?: number };

// biome-ignore lint/suspicious/noExplicitAny: a kind of any document, where only its shared data is read
export type AnyFlow = DocumentFlow<any, any, any>;

export interface DocumentFlow<Request extends { reference_code: string }, Document, Created> {
  /** The public path segment: `/api/v1/<resource>/…`. */
  resource: "invoices" | "credit-notes";
  /** "la factura" / "la nota crédito", for messages. */
  noun: string;
  /** The OpenAPI tag of its routes. */
  tag: string;
  /** The schema of what a create of this kind answers, for the routes every kind shares. */
  createdSchema: z.ZodType<Created>;
  /** Envelope messages of the create's answers. */
  messages: { created: string; pending: string; existing: string; deleted: string };
  create(c: Context<AppEnv>, request: Request): Promise<Document>;
  get(c: Context<AppEnv>, number: string): Promise<Document>;
  list(c: Context<AppEnv>, filters: ListFilters): Promise<Page<DocumentRow>>;
  record(document: Document): DocumentRecord;
  /** The customer and total a request describes, to tell whether a document Factus holds is this request's. */
  expected(request: Request): Expected;
  created(document: Document, message: string): Created;
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

const expectedOf = (customerIdentification: string, totals: InvoiceTotals): Expected => ({
  customerIdentification,
  total: totals.bill.total,
  implied: totals.rounding?.expected_total ?? totals.bill.total,
  lines: totals.rounding?.lines ?? [],
});

export const invoiceFlow: DocumentFlow<CreateInvoiceRequest, FactusBill, CreatedInvoice> = {
  resource: "invoices",
  noun: "la factura",
  tag: "Facturas",
  createdSchema: CreatedInvoice,
  messages: {
    created: "Factura creada exitosamente",
    pending: "Factura recibida; pendiente de la respuesta de la DIAN",
    existing: "Factura ya emitida con este código de referencia",
    deleted: "Factura eliminada exitosamente",
  },
  // v1 takes tax-inclusive prices: net ones (prices_include_tax: false) are converted as exactly as v1 allows.
  create: (c, invoice) => c.get("factus").bills.create(toFactusV1Prices(invoice), createOptions(c)),
  get: (c, number) => c.get("factus").bills.get(number, upstream(c)),
  list: (c, filters) => c.get("factus").bills.list(filters, upstream(c)),
  record: (bill) => ({
    number: bill.bill.number,
    reference_code: bill.bill.reference_code,
    status: bill.bill.status,
    errors: bill.bill.errors,
    key: bill.bill.cufe,
    total: bill.bill.total,
    customerIdentification: bill.customer.identification,
  }),
  expected: (invoice) => expectedOf(invoice.customer.identification, computeInvoiceTotals(invoice)),
  created: createdInvoice,
};

export const creditNoteFlow: DocumentFlow<FactusCreditNoteRequest, FactusCreditNote, CreatedCreditNote> = {
  resource: "credit-notes",
  noun: "la nota crédito",
  tag: "Notas crédito",
  createdSchema: CreatedCreditNote,
  messages: {
    created: "Nota crédito creada exitosamente",
    pending: "Nota crédito recibida; pendiente de la respuesta de la DIAN",
    existing: "Nota crédito ya emitida con este código de referencia",
    deleted: "Nota crédito eliminada exitosamente",
  },
  create: (c, note) => c.get("factus").creditNotes.create(toFactusV1Prices(note), createOptions(c)),
  get: (c, number) => c.get("factus").creditNotes.get(number, upstream(c)),
  list: (c, filters) => c.get("factus").creditNotes.list(filters, upstream(c)),
  record: (note) => ({
    number: note.credit_note.number,
    reference_code: note.credit_note.reference_code,
    status: note.credit_note.status,
    errors: note.credit_note.errors,
    key: note.credit_note.cude,
    total: note.credit_note.total,
    customerIdentification: note.customer.identification,
  }),
  expected: (note) => expectedOf(note.customer.identification, computeInvoiceTotals(note)),
  created: createdCreditNote,
};
