import type { PreflightIssue } from "@factus-edge/contracts/schemas/invoice-rules";
import type { DocumentCompletion, DocumentKindName } from "@factus-edge/contracts/schemas/webhooks";
import type { InvoiceTotals } from "@factus-edge/contracts/totals";
import type { FactusApiVersion } from "@factus-edge/factus-client/errors";
import type { RequestOptions } from "@factus-edge/factus-client/options";
import type { Page } from "@factus-edge/factus-client/pagination";
import type { DocumentListParams } from "@factus-edge/factus-client/resources/document-routes";
import type { Context } from "hono";
import type * as z from "zod";
import { upstream } from "../../factus/call";
import type { DocumentRowView } from "../../factus/v2-views";
import type { LedgerFacts } from "../../ledger/ledger";
import type { AppEnv } from "../../platform/context";
import { ApiError } from "../../platform/errors";

// A kind of document is a preset: what differs between issuing an invoice, a note or a support document. Everything
// else (DIAN's verdicts, lost answers, the 409 block, retries, background completion, the edge cache of validated
// files, the ledger, webhooks, the routes every kind shares) is one lifecycle (docs/ARCHITECTURE.md, "The document
// lifecycle") that reads only this.

/** The fields of a Factus document the lifecycle reads. */
export interface DocumentRecord {
  /** The Factus API version that answered it. */
  apiVersion: FactusApiVersion;
  number: string;
  reference_code: string | null;
  status: number;
  errors: string[];
  /** CUFE of an invoice, CUDE of a note, CUDS of a support document. */
  key: string | null;
  total: string;
  /** The customer's identification (a support document's provider). */
  customerIdentification: string;
}

/** A row of a Factus document list, of either version. */
export type DocumentRow = DocumentRowView;

/** The public path segment of a kind: `/api/v1/<resource>/…`; also the key of its background jobs. */
export type DocumentResource =
  | "invoices"
  | "credit-notes"
  | "debit-notes"
  | "support-documents"
  | "adjustment-notes";

/** A file as Factus answers it. */
type Pdf = { file_name: string; pdf_base_64_encoded: string };
type Xml = { file_name: string; xml_base_64_encoded: string };

/** What the Factus client offers on every kind (`bills`, `creditNotes`, `debitNotes`…), beyond create and reads. */
export interface FactusDocumentFiles {
  downloadPdf(number: string, options: RequestOptions): Promise<Pdf>;
  downloadXml(number: string, options: RequestOptions): Promise<Xml>;
  delete(referenceCode: string, options: RequestOptions): Promise<unknown>;
  /** Kinds Factus e-mails to a buyer (not support documents: the company is the buyer). */
  sendEmail?(number: string, body: { email: string }, options: RequestOptions): Promise<unknown>;
  emailContent?(
    number: string,
    options: RequestOptions,
  ): Promise<{ subject: string; attached_document?: string | null }>;
}

// biome-ignore lint/suspicious/noExplicitAny: a kind of any document, where only its shared data is read
export type AnyFlow = DocumentFlow<any, any, any>;

export interface DocumentFlow<Request extends { reference_code: string }, Document, Created> {
  resource: DocumentResource;
  /** Its name in the ledger and its webhook events' prefix: `<event>.validated`, `.rejected`, `.pending`. */
  event: DocumentKindName;
  /** Operation ids of its routes: `get<singular>`, `list<plural>`, `download<singular>Pdf`… */
  operation: { singular: string; plural: string };
  /** "la factura" / "la nota crédito", for messages. */
  noun: string;
  /** "facturas" / "notas crédito". */
  nouns: string;
  /** The OpenAPI tag of its routes. */
  tag: string;
  /** The Factus API versions that have it; on any other the routes answer 422 NOT_AVAILABLE_ON_FACTUS_VERSION. */
  versions: readonly FactusApiVersion[];
  /**
   * Its name in the edge cache, and how long a validated detail is kept there: a day when nothing can change it, a
   * minute when it lists the notes that correct it (dropped at once where a note on it is issued).
   */
  cache: { name: string; detailSeconds: number };
  /**
   * Whether background completion may issue it when Factus shows it never was. Not a credit note: it is sent only
   * after its invoice's balance is checked under the invoice's lease, by its caller's request.
   */
  resendsUnissued: boolean;
  /** Factus e-mails it to a buyer (`send-email`, `email-content`): not a support document, whose buyer is the company. */
  mailed: boolean;
  /** The schema of what a create of this kind answers, for the routes every kind shares. */
  createdSchema: z.ZodType<Created>;
  /** Envelope messages of the create's answers. */
  messages: { created: string; pending: string; existing: string; deleted: string };
  create(c: Context<AppEnv>, request: Request): Promise<Document>;
  get(c: Context<AppEnv>, number: string): Promise<Document>;
  list(c: Context<AppEnv>, filters: DocumentListParams): Promise<Page<DocumentRow>>;
  files(c: Context<AppEnv>): FactusDocumentFiles;
  record(document: Document): DocumentRecord;
  /** The NIT of the company that issued it. */
  companyOf(document: Document): string;
  /**
   * The customer and total a request describes on the Factus version that holds the document, to tell whether that
   * document is this request's and whether its total is the one the prices imply.
   */
  expected(request: Request, apiVersion: FactusApiVersion): Expected;
  created(document: Document, message: string): Created;
  /** The public detail GET /<resource>/{number} answers (a webhook's `data`). */
  detail(document: Document, completion?: DocumentCompletion | null): unknown;
  /** A row of the public list. */
  summary(row: DocumentRow, completion: DocumentCompletion | null): unknown;
  /** What the ledger keeps of it. */
  ledger(document: Document): LedgerFacts;
}

export const createOptions = (c: Context<AppEnv>) => ({
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

/** A public request the company's Factus version cannot carry: the fields, each with why (never a silent drop). */
export const notOnVersion = (version: FactusApiVersion, issues: PreflightIssue[]) =>
  new ApiError("NOT_AVAILABLE_ON_FACTUS_VERSION", {
    message: `La cuenta de Factus de esta empresa es ${version}, que no puede llevar estos campos o valores`,
    details: issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
  });

export const notOnV2 = (issues: PreflightIssue[]) => notOnVersion("v2", issues);
