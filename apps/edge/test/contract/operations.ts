import { env } from "cloudflare:workers";
import { buildOpenApiDocument, createApp } from "../../src/app";
import { readConfig } from "../../src/platform/config";
import { SUPPORT_DOCUMENT_EXAMPLE } from "../../src/routes/support-documents/create";
import { API, type Session, seedInvoice } from "../helpers";

// The operations of the generated OpenAPI document, each with a request that passes validation, so tests that walk
// every route (security, status coverage) cover a new route the day it is added.

interface DocumentOperation {
  operationId: string;
  security: Record<string, string[]>[];
  responses: Record<string, unknown>;
}

const document = buildOpenApiDocument(await createApp(readConfig(env))) as unknown as {
  paths: Record<string, Record<string, DocumentOperation>>;
};

/**
 * Path parameters, bodies and queries that pass validation. Bodies of the Factus OAuth proxy name the session's own
 * Factus account when there is one, so its faults reach them.
 */
const PATH_EXAMPLES: Record<string, string> = {
  number: "SETP990000000",
  reference_code: "REF-1",
  id: "999999",
  delivery_id: "msg_00000000000000000000000000000000",
};
const BODIES: Record<string, (session?: Session) => unknown> = {
  login: () => ({ email: "nadie@empresa.test", password: "not-the-password" }),
  factusLogin: (session) => ({ email: session?.account ?? "a@b.co", password: "not-the-password" }),
  factusRefresh: (session) => ({ refresh_token: session?.factusRefreshToken ?? "x" }),
  createInvoice: () => seedInvoice(),
  createFactusConnection: (session) => ({
    email: session?.account ?? "a@b.co",
    password: "not-the-password",
  }),
  reauthorizeFactusConnection: (session) => ({
    email: session?.account ?? "a@b.co",
    password: "not-the-password",
  }),
  createApiKey: () => ({ name: "ERP", connection_id: "fc_unknown" }),
  previewInvoice: () => seedInvoice(),
  createInvoiceBatch: () => ({ invoices: [seedInvoice()] }),
  createWebhookEndpoint: () => ({
    url: "https://erp.example.com/hooks/factus",
    events: ["invoice.validated"],
  }),
  sendInvoiceEmail: () => ({ email: "a@b.co" }),
  emitTacitAcceptance: () => ({ identification: "1098765432", first_name: "Ana", last_name: "Gómez" }),
  sendCreditNoteEmail: () => ({ email: "a@b.co" }),
  annulInvoice: () => ({}),
  createNumberingRange: () => ({ document: "21", prefix: "ZZ", current: 1, resolution_number: "1" }),
  sendDebitNoteEmail: () => ({ email: "a@b.co" }),
  createSupportDocument: () => ({
    ...SUPPORT_DOCUMENT_EXAMPLE,
    reference_code: `DS-${crypto.randomUUID().slice(0, 8)}`,
  }),
  createAdjustmentNote: () => ({
    ...SUPPORT_DOCUMENT_EXAMPLE,
    reference_code: `NA-${crypto.randomUUID().slice(0, 8)}`,
    support_document_number: "SEDS984000001",
    correction_concept_code: "3",
  }),
  createDebitNote: () => ({
    invoice_number: "SETP990000000",
    correction_concept_code: "1",
    reference_code: `ND-${crypto.randomUUID().slice(0, 8)}`,
    items: seedInvoice().items,
  }),
  createCreditNote: () => ({
    invoice_number: "SETP990000000",
    correction_concept_code: "1",
    reference_code: `NC-${crypto.randomUUID().slice(0, 8)}`,
    items: seedInvoice().items,
  }),
};
const QUERIES: Record<string, string> = {
  exportDocuments: "?created_from=2026-12-01&created_to=2026-12-31",
  dailyTotals: "?created_from=2026-12-01&created_to=2026-12-31",
  syncLedger: "?from=2026-12-01&to=2026-12-31",
  lookupAcquirer: "?identification_document_id=3&identification_number=123",
};

export interface Operation {
  operationId: string;
  method: string;
  /** Under /api/v1, with example parameters. */
  path: string;
  /** Needs the local JWT. */
  user: boolean;
  /** Also needs X-Factus-Token. */
  factus: boolean;
  /** Needs a user with the admin role (`bearerAuth: ["admin"]`). */
  admin: boolean;
  body: ((session?: Session) => unknown) | undefined;
  /** The statuses the document declares. */
  statuses: number[];
}

export const OPERATIONS: Operation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    operationId: operation.operationId,
    method: method.toUpperCase(),
    path:
      path.slice(API.length).replace(/\{(\w+)\}/g, (_, name: string) => PATH_EXAMPLES[name] ?? name) +
      (QUERIES[operation.operationId] ?? ""),
    user: operation.security.some((scheme) => "bearerAuth" in scheme),
    factus: operation.security.some((scheme) => "factusToken" in scheme),
    admin: operation.security.some((scheme) => scheme.bearerAuth?.includes("admin") ?? false),
    body: BODIES[operation.operationId],
    statuses: Object.keys(operation.responses).map(Number),
  })),
);
