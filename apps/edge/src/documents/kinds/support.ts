import type { RequestOptions } from "@factus-edge/factus-client/options";
import type { Context } from "hono";
import { upstream } from "../../factus/call";
import type { SupportView } from "../../factus/support-views";
import type { LedgerFacts } from "../../ledger/ledger";
import type { AppEnv } from "../../platform/context";
import { nameOf } from "../mappers";
import { creditNoteSummary } from "../note-mappers";
import type { DocumentFlow, Expected, FactusDocumentFiles } from "./flow";

// What support documents and adjustment notes share: one shape on either version (SupportView), the provider where a
// customer would be, no e-mail to a buyer (the company is the buyer), and an order fixed for the version it goes to.

/**
 * A support document or adjustment note ready for Factus: the body of the company's version, and what it must come
 * out as, fixed when it was built, so a pending one's retry re-sends it unchanged and compares against the same figures.
 */
export type SupportOrder<V1Body, V2Body> =
  | { factus_api_version: "v1"; reference_code: string; body: V1Body; expected: Expected }
  | { factus_api_version: "v2"; reference_code: string; body: V2Body; expected: Expected };

/** The Factus client's resource of either kind (`supportDocuments`, `adjustmentNotes`): the same methods. */
interface SupportResource {
  downloadPdf(number: string, options: RequestOptions): ReturnType<FactusDocumentFiles["downloadPdf"]>;
  downloadXml(number: string, options: RequestOptions): ReturnType<FactusDocumentFiles["downloadXml"]>;
  delete(referenceCode: string, options: RequestOptions): Promise<unknown>;
}

type SupportParts = Pick<
  DocumentFlow<{ reference_code: string; expected: Expected }, SupportView, unknown>,
  "files" | "record" | "companyOf" | "summary" | "expected" | "versions" | "mailed"
>;

export const supportParts = (resource: (c: Context<AppEnv>) => SupportResource): SupportParts => ({
  versions: ["v1", "v2"],
  mailed: false,
  // Wrapped, not the client's resource itself: readers detach these methods (reads.ts), which loses `this`.
  files: (c) => {
    const documents = resource(c);
    return {
      downloadPdf: (number) => documents.downloadPdf(number, upstream(c)),
      downloadXml: (number) => documents.downloadXml(number, upstream(c)),
      delete: (reference) => documents.delete(reference, upstream(c)),
    };
  },
  record: (document) => ({
    apiVersion: document.apiVersion,
    number: document.record.number,
    reference_code: document.record.reference_code,
    status: document.record.status,
    errors: document.record.errors,
    key: document.record.cuds,
    total: document.record.total,
    customerIdentification: String(document.provider.identification),
  }),
  companyOf: (document) => document.company.nit,
  summary: creditNoteSummary,
  expected: (order) => order.expected,
});

/** What the ledger keeps of one: the provider in the customer's columns, an adjustment note's support document. */
export const supportLedger = (
  kind: "support_document" | "adjustment_note",
  document: SupportView,
): LedgerFacts => ({
  kind,
  companyNit: document.company?.nit ? String(document.company.nit) : null,
  number: document.record.number,
  reference_code: document.record.reference_code,
  key: document.record.cuds,
  status: document.record.status,
  errors: document.record.errors,
  subtotal: document.record.gross_value,
  tax: document.record.tax_amount,
  total: document.record.total,
  customerIdentification: String(document.provider.identification),
  customerName: nameOf(document.provider),
  invoiceNumber: document.record.support_document_number,
  createdAt: document.record.created_at,
  validatedAt: document.record.validated,
});
